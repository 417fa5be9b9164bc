using Google.Protobuf;
using Marketplace.Inference.Onnx.Decoders;
using Onnx;

namespace Marketplace.Inference.Tests.Generation;

/// <summary>Decoders a careless or hostile partner might upload: the exact decoder with its interface broken.</summary>
internal static class HostileDecoders
{
    public static byte[] Make(string kind)
    {
        var model = ModelProto.Parser.ParseFrom(ExactDecoderBuilder.Build(new ExactDecoderSettings { Layers = 3 }));
        var graph = model.Graph;
        switch (kind)
        {
            case "present-heads-differ":
                Dims(graph.Output, "present.1.key")[1].DimValue = 3;
                break;
            case "past-head-size-differs":
                Dims(graph.Input, "past_key_values.2.value")[3].DimValue = 8;
                break;
            case "key-without-value":
                graph.Input.Remove(graph.Input.Single(i => i.Name == "past_key_values.1.value"));
                break;
            case "layer-gap":
                foreach (var value in graph.Input.Concat(graph.Output))
                {
                    value.Name = value.Name.Replace(".1.", ".3.", StringComparison.Ordinal);
                }
                break;
            case "missing-logits":
                graph.Output.Single(o => o.Name == "logits").Name = "scores";
                break;
            case "vocabulary-missing":
                Dims(graph.Output, "logits")[2] = new TensorShapeProto.Types.Dimension { DimParam = "vocab" };
                break;
            case "cache-does-not-grow":
                // Declares the standard layout but returns the past unchanged as layer 0's present key.
                graph.Node.Single(n => n.Output.Contains("present.0.key")).Output[0] = "unused";
                graph.Node.Add(new NodeProto { OpType = "Identity", Name = "stale", Input = { "past_key_values.0.key" }, Output = { "present.0.key" } });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
        return model.ToByteArray();
    }

    private static Google.Protobuf.Collections.RepeatedField<TensorShapeProto.Types.Dimension> Dims(IEnumerable<ValueInfoProto> values, string name) =>
        values.Single(v => v.Name == name).Type.TensorType.Shape.Dim;
}
