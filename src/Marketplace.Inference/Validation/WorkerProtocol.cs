using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.Inference.Validation;

/// <summary>What the host sends the validation worker on stdin; the worker answers one <see cref="ArtifactReport"/> on stdout.</summary>
public sealed record WorkerRequest(string ArtifactPath, DeclaredSchema? Declared, InspectionLimits Limits);

public static class WorkerProtocol
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
