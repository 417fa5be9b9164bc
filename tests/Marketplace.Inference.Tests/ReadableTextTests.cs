using Marketplace.Inference.Validation;

namespace Marketplace.Inference.Tests;

public sealed class ReadableTextTests
{
    [Theory]
    [InlineData(
        "[ErrorCode:Fail] Load model from /tmp/x.onnx failed:/onnxruntime_src/onnxruntime/core/graph/model.cc:180 onnxruntime::Model::Model(onnx::ModelProto&&, const PathString&, const IOnnxRuntimeOpSchemaRegistryList*, const onnxruntime::logging::Logger&, const onnxruntime::ModelOptions&) Unsupported model IR version: 99, max supported IR version: 11",
        "Load model from /tmp/x.onnx failed: Unsupported model IR version: 99, max supported IR version: 11")]
    [InlineData(
        "[ErrorCode:InvalidGraph] Load model from memory failed:This is an invalid model. In Node, (\"\", Add, \"\", -1) : (\"x\": tensor(float),\"c\": tensor(int64),) -> (\"y\",) , Error Type parameter (T) of Optype (Add) bound to different types (tensor(float) and tensor(int64) in node ().",
        "Load model from memory failed:This is an invalid model. In Node, (\"\", Add, \"\", -1) : (\"x\": tensor(float),\"c\": tensor(int64),) -> (\"y\",) , Error Type parameter (T) of Optype (Add) bound to different types (tensor(float) and tensor(int64) in node ().")]
    [InlineData(
        "OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library",
        "OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library")]
    public void Runtime_messages_lose_error_codes_source_paths_and_cpp_signatures(string raw, string readable) =>
        Assert.Equal(readable, ReadableText.FromRuntime(raw));

    [Fact]
    public void Echoed_names_are_cut_to_a_readable_length_without_control_characters()
    {
        var echoed = ReadableText.Echo("evil\u0007name" + new string('x', 5000));

        Assert.Equal(ReadableText.MaxEchoedName, echoed.Length);
        Assert.StartsWith("evil name", echoed, StringComparison.Ordinal);
        Assert.EndsWith("…", echoed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_runtime_message_is_cut()
    {
        Assert.Equal(ReadableText.MaxMessage, ReadableText.FromRuntime(new string('a', 2000)).Length);
    }
}
