using System.Text.Json;
using Marketplace.Inference.Validation;

// The validation worker. From the host: one WorkerRequest (JSON) on stdin. By hand:
//   dotnet Marketplace.Inference.Worker.dll model.onnx [declared-schema.json]
// Either way it writes one ArtifactReport (JSON) to stdout and exits 0, whatever the model.
// A native crash or a kill ends this process only; the host reports it.
try
{
    var request = args.Length > 0
        ? new WorkerRequest(
            args[0],
            args.Length > 1 ? JsonSerializer.Deserialize<DeclaredSchema>(File.ReadAllText(args[1]), WorkerProtocol.Json) : null,
            new InspectionLimits())
        : JsonSerializer.Deserialize<WorkerRequest>(Console.In.ReadToEnd(), WorkerProtocol.Json)
          ?? throw new InvalidOperationException("empty request");
    var report = ArtifactInspector.Inspect(request.ArtifactPath, request.Declared, request.Limits);
    Console.Out.Write(JsonSerializer.Serialize(report, WorkerProtocol.Json));
    return 0;
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Out.Write(JsonSerializer.Serialize(ArtifactReport.Invalid($"the validator could not read the file: {ReadableText.FromRuntime(e.Message)}"), WorkerProtocol.Json));
    return 0;
}
