using System.Text.Json;
using Marketplace.Inference.Validation;

// Reads one WorkerRequest (JSON) from stdin, writes one ArtifactReport (JSON) to stdout, exits 0,
// whatever the model. A native crash or a kill ends this process only; the host reports it.
try
{
    var request = JsonSerializer.Deserialize<WorkerRequest>(Console.In.ReadToEnd(), WorkerProtocol.Json)
        ?? throw new InvalidOperationException("empty request");
    var report = ArtifactInspector.Inspect(request.ArtifactPath, request.Declared, request.Limits);
    Console.Out.Write(JsonSerializer.Serialize(report, WorkerProtocol.Json));
    return 0;
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Out.Write(JsonSerializer.Serialize(ArtifactReport.Invalid($"the validator failed: {e.GetType().Name}: {e.Message}"), WorkerProtocol.Json));
    return 0;
}
