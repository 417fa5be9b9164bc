using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Marketplace.Portal.Tests;

/// <summary>
/// Finds what an assembly's compiled code references of Orleans: every type it names anywhere
/// (field, property and parameter types, base types, locals, calls, casts, generic arguments all
/// go through the metadata's type-reference table) that lives in an Orleans namespace or is a grain
/// interface (anything an Orleans grain reference can stand for, <see cref="IAddressable"/>), plus
/// <c>typeof(…)</c> arguments of attributes, which are stored as names rather than references.
/// </summary>
public static class GrainReferences
{
    public static IReadOnlyList<string> In(Assembly assembly)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        using (var pe = new PEReader(File.OpenRead(assembly.Location)))
        {
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.TypeReferences)
            {
                var (name, assemblyName) = NameOf(metadata, handle);
                var type = Type.GetType($"{name}, {assemblyName}", throwOnError: false);
                if (Why(name, type) is { } why)
                {
                    found.Add($"{name} ({why})");
                }
                else if (type is null)
                {
                    found.Add($"{name} (could not be loaded from {assemblyName}, so it could not be checked)");
                }
            }
        }
        foreach (var attribute in AttributesOf(assembly))
        {
            foreach (var type in TypeArguments(attribute))
            {
                if (Why(type.FullName!, type) is { } why)
                {
                    found.Add($"{type.FullName} ({why}, in an attribute)");
                }
            }
        }
        return [.. found];
    }

    private static string? Why(string name, Type? type) =>
        name == "Orleans" || name.StartsWith("Orleans.", StringComparison.Ordinal) ? "an Orleans type"
        : type is not null && typeof(IAddressable).IsAssignableFrom(type) ? "a grain type"
        : null;

    /// <summary>The reflection name ("Outer+Inner") and the assembly a type reference points into.</summary>
    private static (string Name, string Assembly) NameOf(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var reference = metadata.GetTypeReference(handle);
        var name = metadata.GetString(reference.Name);
        var space = metadata.GetString(reference.Namespace);
        switch (reference.ResolutionScope.Kind)
        {
            case HandleKind.TypeReference:
                var (outer, assembly) = NameOf(metadata, (TypeReferenceHandle)reference.ResolutionScope);
                return ($"{outer}+{name}", assembly);
            case HandleKind.AssemblyReference:
                var target = metadata.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope);
                return (Qualified(space, name), metadata.GetAssemblyDefinition().GetAssemblyName().Name == metadata.GetString(target.Name)
                    ? metadata.GetString(target.Name)
                    : target.GetAssemblyName().FullName);
            default:
                // A reference into this module itself.
                return (Qualified(space, name), metadata.GetString(metadata.GetAssemblyDefinition().Name));
        }
    }

    private static string Qualified(string space, string name) => space.Length == 0 ? name : $"{space}.{name}";

    private static IEnumerable<CustomAttributeData> AttributesOf(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var attribute in assembly.GetCustomAttributesData())
        {
            yield return attribute;
        }
        foreach (var type in assembly.GetTypes())
        {
            IEnumerable<MemberInfo> members = [type, .. type.GetMembers(all)];
            foreach (var member in members)
            {
                foreach (var attribute in member.GetCustomAttributesData())
                {
                    yield return attribute;
                }
            }
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                foreach (var attribute in method.GetParameters().SelectMany(p => p.GetCustomAttributesData()))
                {
                    yield return attribute;
                }
            }
        }
    }

    private static IEnumerable<Type> TypeArguments(CustomAttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue));
        foreach (var argument in arguments)
        {
            var values = argument.Value is IEnumerable<CustomAttributeTypedArgument> array ? array.Select(a => a.Value) : [argument.Value];
            foreach (var value in values)
            {
                if (value is Type type)
                {
                    yield return type;
                }
            }
        }
    }
}
