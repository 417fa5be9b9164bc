using System.Security.Cryptography;
using Google.Protobuf;
using Marketplace.Domain.Listings;
using Marketplace.Inference.Devices;
using Marketplace.Inference.Execution;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Marketplace.Inference.Validation;

/// <summary>
/// Reads a model file and decides whether it may be submitted. It parses the ONNX protobuf itself
/// first (so a hostile file is refused before ONNX Runtime's native code sees it), then asks ONNX
/// Runtime to create a session and run it once. Run it only inside the validation worker process:
/// a crash or a runaway allocation must take down the worker, not the host.
/// </summary>
public static class ArtifactInspector
{
    public static ArtifactReport Inspect(string path, DeclaredSchema? declared = null, InspectionLimits? limits = null)
    {
        limits ??= new InspectionLimits();
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return ArtifactReport.Invalid("the file does not exist");
        }
        if (file.Length > limits.MaxFileBytes)
        {
            return ArtifactReport.Invalid($"the file has {file.Length} bytes; the limit is {limits.MaxFileBytes}") with { SizeBytes = file.Length };
        }
        var bytes = File.ReadAllBytes(path);
        var facts = new ArtifactReport
        {
            Status = ArtifactStatus.Invalid,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            SizeBytes = bytes.Length,
        };
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(CodedInputStream.CreateWithLimits(new MemoryStream(bytes, writable: false), bytes.Length + 1, limits.ProtobufRecursionLimit));
        }
        catch (InvalidProtocolBufferException e) when (e.Message.Contains("recursion", StringComparison.OrdinalIgnoreCase))
        {
            return facts with { Reasons = [$"the model is nested too deeply to read (protobuf nesting beyond {limits.ProtobufRecursionLimit} levels): deeply nested subgraphs are not accepted"] };
        }
        catch (InvalidProtocolBufferException e)
        {
            return facts with { Reasons = [$"the file is not a valid ONNX model (protobuf could not be read: {ReadableText.Echo(e.Message)}); it may be truncated or of another format"] };
        }
        if (model.Graph is null || model.IrVersion <= 0 || model.OpsetImport.Count == 0)
        {
            return facts with { Reasons = ["the file is not an ONNX model: it has no graph, IR version or opset"] };
        }

        var reasons = new List<string>();
        var walk = new GraphWalk(model, limits, reasons);
        walk.Run();
        var inputs = GraphInputs(model.Graph);
        var outputs = model.Graph.Output.Select(Spec).ToList();
        var opset = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version;
        if (opset is null)
        {
            reasons.Add("the model imports no default ONNX opset");
        }
        else if (opset > SupportedOperators.MaxOpset || opset < 1)
        {
            reasons.Add($"opset {opset} is not supported (ONNX Runtime here supports opsets 1 to {SupportedOperators.MaxOpset})");
        }
        if (declared is not null)
        {
            reasons.AddRange(SchemaCheck.Compare("input", declared.Inputs, inputs));
            reasons.AddRange(SchemaCheck.Compare("output", declared.Outputs, outputs));
        }
        var metadata = model.MetadataProps.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Last().Value, StringComparer.Ordinal);
        var decoder = DecoderSignature.Read(inputs, outputs, metadata, limits.DefaultDecoderContextLength);
        reasons.AddRange(decoder.Reasons);
        facts = facts with
        {
            Inputs = inputs,
            Outputs = outputs,
            Opset = opset,
            IrVersion = model.IrVersion,
            Producer = string.IsNullOrEmpty(model.ProducerVersion) ? model.ProducerName : $"{model.ProducerName} {model.ProducerVersion}",
            ParameterCount = walk.ParameterCount,
            InitializerBytes = walk.InitializerBytes,
            Operators = walk.Operators.Order(StringComparer.Ordinal).Select(ReadableText.Echo).ToList(),
        };
        if (reasons.Count == 0)
        {
            // Only a model that passed every structural check reaches ONNX Runtime.
            var runtimeProblem = TryRuntime(bytes, limits, decoder.Decoder);
            if (runtimeProblem is not null)
            {
                reasons.Add(runtimeProblem);
            }
        }
        // A decoder is described only once its layout held up, run included, so a described decoder is one the engine can load.
        return facts with { Status = reasons.Count == 0 ? ArtifactStatus.Valid : ArtifactStatus.Invalid, Reasons = reasons, Decoder = reasons.Count == 0 ? decoder.Decoder : null };
    }

    /// <summary>Graph inputs without the initializers older exporters also list as inputs.</summary>
    private static List<TensorSpec> GraphInputs(GraphProto graph)
    {
        var initializers = graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return graph.Input.Where(i => !initializers.Contains(i.Name)).Select(Spec).ToList();
    }

    internal static TensorSpec Spec(ValueInfoProto value)
    {
        var tensor = value.Type?.TensorType;
        if (tensor is null)
        {
            return new TensorSpec(value.Name, value.Type?.ValueCase.ToString().ToLowerInvariant() ?? "unknown", []);
        }
        var shape = tensor.Shape?.Dim.Select(d => d.HasDimValue ? d.DimValue : -1).ToList() ?? [];
        return new TensorSpec(value.Name, OnnxTypes.Name(tensor.ElemType), shape);
    }

    private static string? TryRuntime(byte[] bytes, InspectionLimits limits, DecoderDescription? decoder)
    {
        ExecutionProviders.QuietEnvironment();
        try
        {
            using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
            using var session = new InferenceSession(bytes, options);
            if (limits.SmokeRun)
            {
                if (decoder is null)
                {
                    SmokeRun(session);
                }
                else
                {
                    return DecoderSmokeRun.Run(session, decoder);
                }
            }
            return null;
        }
        catch (OnnxRuntimeException e)
        {
            return Explain(e.Message);
        }
        catch (OutOfMemoryException)
        {
            return "the model needs more memory than the validator allows";
        }
        catch (InferenceException e)
        {
            return e.Message;
        }
    }

    private static void SmokeRun(InferenceSession session)
    {
        var inputs = new List<OrtValue>();
        try
        {
            foreach (var name in session.InputNames)
            {
                var meta = session.InputMetadata[name];
                if (!meta.IsTensor || !TensorArrays.IsSupported(meta.ElementDataType))
                {
                    return; // inputs the sandbox cannot make are checked when the listing declares an adapter
                }
                var shape = meta.Dimensions.Select(d => d < 0 ? 1L : d).ToArray();
                var count = shape.Aggregate(1L, (a, b) => checked(a * b));
                inputs.Add(TensorArrays.ToOrtValue(TensorArrays.Allocate(meta.ElementDataType, checked((int)count)), shape));
            }
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, session.InputNames, inputs, session.OutputNames);
        }
        finally
        {
            foreach (var input in inputs)
            {
                input.Dispose();
            }
        }
    }

    private static string Explain(string message)
    {
        if (message.Contains("bad_alloc", StringComparison.Ordinal) || message.Contains("Failed to allocate", StringComparison.OrdinalIgnoreCase)
            || message.Contains("out of memory", StringComparison.OrdinalIgnoreCase))
        {
            return "the model needs more memory than the validator allows";
        }
        return $"ONNX Runtime rejected the model: {ReadableText.FromRuntime(message)}";
    }
}
