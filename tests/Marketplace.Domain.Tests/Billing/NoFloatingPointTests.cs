using System.Reflection;
using System.Text.RegularExpressions;
using Marketplace.Domain.Billing;
using Marketplace.Testing;

namespace Marketplace.Domain.Tests.Billing;

/// <summary>
/// Money never meets binary floating point: neither in the source of the money and billing code
/// nor in the shape of its public types. Either test names the place it finds.
/// </summary>
public sealed partial class NoFloatingPointTests
{
    [GeneratedRegex(@"\b(double|float|Double|Single|MathF|Half)\b|Math\.Pow\b|Convert\.To(Double|Single)\b|BitConverter\.\w*(Double|Single)")]
    private static partial Regex FloatingPoint();

    private static readonly Type[] FloatingTypes = [typeof(double), typeof(float), typeof(Half)];

    [Fact]
    public void No_money_or_billing_source_line_uses_floating_point()
    {
        var domain = Path.Combine(RepositoryPaths.Root, "src", "Marketplace.Domain");
        var files = Directory.GetFiles(Path.Combine(domain, "Money"), "*.cs")
            .Concat(Directory.GetFiles(Path.Combine(domain, "Billing"), "*.cs", SearchOption.AllDirectories))
            .ToList();

        var offenders = files.SelectMany(f => Offenders(File.ReadAllLines(f)).Select(o => $"{Path.GetRelativePath(RepositoryPaths.Root, f)}:{o.Line}: {o.Text}")).ToList();

        Assert.True(files.Count >= 10, $"only {files.Count} files found under {domain}");
        Assert.True(offenders.Count == 0, "floating point on a money path:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_source_scan_finds_floating_point_and_ignores_comments()
    {
        string[] source =
        [
            "/// <summary>Never a double.</summary>",
            "var major = minor / (decimal)Math.Pow(10, digits);",
            "// float in a comment",
            "public double Rate { get; }",
            "var ok = \"doubled\".Length + Convert.ToDouble(x);",
        ];

        Assert.Equal([2, 4, 5], Offenders(source).Select(o => o.Line));
    }

    [Fact]
    public void No_public_member_of_a_billing_or_money_type_is_floating_point()
    {
        var types = typeof(Ledger).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is "Marketplace.Domain.Billing" or "Marketplace.Domain.Money")
            .ToList();
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        var offenders = new List<string>();
        foreach (var type in types)
        {
            offenders.AddRange(type.GetProperties(Public).Where(p => IsFloating(p.PropertyType)).Select(p => $"{type.Name}.{p.Name}"));
            offenders.AddRange(type.GetFields(Public).Where(f => IsFloating(f.FieldType)).Select(f => $"{type.Name}.{f.Name}"));
            foreach (var method in type.GetMethods(Public).Cast<MethodBase>().Concat(type.GetConstructors()))
            {
                if (method is MethodInfo info && IsFloating(info.ReturnType))
                {
                    offenders.Add($"{type.Name}.{method.Name} returns {info.ReturnType.Name}");
                }
                offenders.AddRange(method.GetParameters().Where(p => IsFloating(p.ParameterType)).Select(p => $"{type.Name}.{method.Name}({p.Name})"));
            }
        }

        Assert.Contains(typeof(JournalEntry), types);
        Assert.Contains(typeof(Money.Splits), types);
        Assert.True(offenders.Count == 0, "floating point in a money type: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_type_check_sees_through_arrays_generics_nullables_and_tuples()
    {
        Assert.True(IsFloating(typeof(IReadOnlyList<(long, double?)>)));
        Assert.True(IsFloating(typeof(float[])));
        Assert.True(IsFloating(typeof(double).MakeByRefType()));
        Assert.False(IsFloating(typeof(IReadOnlyList<(long, decimal?)>)));
    }

    private static IEnumerable<(int Line, string Text)> Offenders(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var code = lines[i].TrimStart();
            if (!code.StartsWith("//", StringComparison.Ordinal) && FloatingPoint().IsMatch(code))
            {
                yield return (i + 1, code);
            }
        }
    }

    private static bool IsFloating(Type type) =>
        FloatingTypes.Contains(type)
        || (type.HasElementType && IsFloating(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(IsFloating));
}
