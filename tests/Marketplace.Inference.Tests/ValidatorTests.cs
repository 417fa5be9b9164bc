using Marketplace.Domain.Listings;
using Marketplace.Inference.Models;
using Marketplace.Inference.Onnx;
using Marketplace.Inference.Validation;

namespace Marketplace.Inference.Tests;

/// <summary>Validation through the real worker process, as the host runs it.</summary>
public sealed class ValidatorTests
{
    private readonly ArtifactValidator _validator = new(new ArtifactValidatorOptions { Timeout = TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task Accepts_a_good_model_and_reports_its_facts()
    {
        var report = await _validator.ValidateAsync(TestModels.Write(TestModels.Linear()));

        Assert.Equal(ArtifactStatus.Valid, report.Status);
        Assert.Empty(report.Reasons);
        Assert.Equal([("x", "float", "-1,3")], report.Inputs.Select(Plain));
        Assert.Equal([("y", "float", "-1,2")], report.Outputs.Select(Plain));
        Assert.Equal(17, report.Opset);
        Assert.Equal("marketplace-tests 1", report.Producer);
        Assert.Equal(8, report.ParameterCount);
        Assert.Equal(32, report.InitializerBytes);
        Assert.Equal(["Add", "MatMul"], report.Operators);
        Assert.Equal(64, report.Sha256!.Length);
    }

    public static readonly TheoryData<string, string> HostileFiles = new()
    {
        { "truncated", "the file is not a valid ONNX model" },
        { "random-bytes", "the file is not" },
        { "huge-dimension", "declares dimension 1099511627776" },
        { "external-data", "external file ('../../etc/passwd')" },
        { "nested-if-12", "subgraphs are nested 9 deep; the limit is 8" },
        { "nested-if-40", "nested too deeply" },
        { "custom-operator", "operator com.example.backdoor:RunShell is not supported" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Rejects_hostile_files_with_a_reason(string file, string reason)
    {
        var report = await _validator.ValidateAsync(TestModels.Write(Hostile(file)));

        Assert.Equal(ArtifactStatus.Invalid, report.Status);
        Assert.Contains(report.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_the_runtime_refuses_is_explained_without_its_source_paths_or_signatures()
    {
        var mixedTypes = new OnnxGraphBuilder("mixed")
            .Input("x", global::Onnx.TensorProto.Types.DataType.Float, 1, 2)
            .Output("y", global::Onnx.TensorProto.Types.DataType.Float, 1, 2)
            .Int64Initializer("c", [1, 2], 1, 2)
            .Node("Add", ["x", "c"], ["y"])
            .ToBytes();

        var report = await _validator.ValidateAsync(TestModels.Write(mixedTypes));

        var reason = Assert.Single(report.Reasons);
        Assert.StartsWith("ONNX Runtime rejected the model: ", reason, StringComparison.Ordinal);
        Assert.Contains("bound to different types", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("[ErrorCode", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("::", reason, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\.(cc|h|cpp):\d+", reason);
        Assert.True(reason.Length <= 40 + ReadableText.MaxMessage, reason);
    }

    [Fact]
    public async Task Names_echoed_from_a_hostile_file_are_cut_to_a_readable_length()
    {
        var longName = "RunShell" + new string('A', 10_000);
        var bytes = new OnnxGraphBuilder("custom").Input("x", global::Onnx.TensorProto.Types.DataType.Float, 1, 4).Output("y", global::Onnx.TensorProto.Types.DataType.Float, 1, 4)
            .NodeInDomain("com.example", longName, ["x"], ["y"]).ToBytes();

        var report = await _validator.ValidateAsync(TestModels.Write(bytes));

        Assert.All(report.Reasons, r => Assert.True(r.Length < 200, r));
        Assert.Contains(report.Reasons, r => r.Contains("operator com.example:RunShellAAA", StringComparison.Ordinal) && r.Contains('…', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keeps_serving_after_hostile_files()
    {
        foreach (var row in HostileFiles)
        {
            Assert.Equal(ArtifactStatus.Invalid, (await _validator.ValidateAsync(TestModels.Write(Hostile((string)row[0])))).Status);
        }

        var good = await _validator.ValidateAsync(TestModels.Write(TestModels.MulAddRelu()));

        Assert.Equal(ArtifactStatus.Valid, good.Status);
    }

    private static byte[] Hostile(string name) => name switch
    {
        "truncated" => HostileModels.Truncated(),
        "random-bytes" => HostileModels.RandomBytes(),
        "huge-dimension" => HostileModels.HugeDimension(),
        "external-data" => HostileModels.ExternalData(),
        "nested-if-12" => HostileModels.NestedIf(12),
        "nested-if-40" => HostileModels.NestedIf(40),
        _ => HostileModels.CustomOperator(),
    };

    [Fact]
    public async Task Rejects_a_mismatch_with_the_declared_schema()
    {
        var declared = new DeclaredSchema(
            [new TensorSpec("x", "int64", [-1, 3])],
            [new TensorSpec("scores", "float", [-1, 2])]);

        var report = await _validator.ValidateAsync(TestModels.Write(TestModels.Linear()), declared);

        Assert.Equal(ArtifactStatus.Invalid, report.Status);
        Assert.Equal(
        [
            "input 'x' is declared int64 but the model has float",
            "declared output 'scores' is not in the model (it has 'y')",
        ], report.Reasons);
    }

    [Fact]
    public async Task Accepts_numpy_style_type_names_and_an_undeclared_extra_output()
    {
        var declaredTypeName = new DeclaredSchema([new TensorSpec("x", "float32", [-1, 3])], []);

        var report = await _validator.ValidateAsync(TestModels.Write(TestModels.Linear()), declaredTypeName);

        Assert.Equal(ArtifactStatus.Valid, report.Status);
    }

    [Fact]
    public async Task An_undeclared_input_is_refused_because_the_sandbox_could_not_feed_it()
    {
        var report = await _validator.ValidateAsync(TestModels.Write(TestModels.Linear()), new DeclaredSchema([], [new TensorSpec("y", "float32", [-1, 2])]));

        Assert.Equal(ArtifactStatus.Invalid, report.Status);
        Assert.Contains("the model's input 'x' is not declared", report.Reasons);
    }

    [Fact]
    public async Task Kills_a_worker_that_hangs_and_reports_the_timeout()
    {
        var validator = new ArtifactValidator(new ArtifactValidatorOptions { Timeout = TimeSpan.FromSeconds(4) });

        var report = await validator.ValidateAsync(TestModels.Write(HostileModels.EndlessLoop()));

        Assert.Equal(ArtifactStatus.Invalid, report.Status);
        Assert.Equal(["the validator process was killed: it timed out after 4 s"], report.Reasons);
    }

    [Fact]
    public async Task A_model_that_needs_too_much_memory_is_invalid_under_the_address_space_limit()
    {
        var validator = new ArtifactValidator(new ArtifactValidatorOptions { MemoryLimitBytes = 3L << 30 });

        var report = await validator.ValidateAsync(TestModels.Write(HostileModels.MemoryBomb(1L << 30)));

        Assert.Equal(ArtifactStatus.Invalid, report.Status);
        Assert.Contains(report.Reasons, r => r.Contains("memory", StringComparison.Ordinal) || r.Contains("crashed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_worker_past_its_memory_limit_is_killed_when_polling()
    {
        var validator = new ArtifactValidator(new ArtifactValidatorOptions { MemoryLimitBytes = 768L << 20, UsePrlimit = false });

        var report = await validator.ValidateAsync(TestModels.Write(HostileModels.MemoryBomb(1L << 29)));

        Assert.Equal(ArtifactStatus.Invalid, report.Status);
        Assert.Equal(["the validator process was killed: it exceeded the memory limit of 768 MiB"], report.Reasons);
    }

    [Fact]
    public async Task The_real_models_pass_validation()
    {
        foreach (var model in new[] { RealModels.MiniLm(), RealModels.ResNet18() })
        {
            var report = await _validator.ValidateAsync(model.ArtifactPath);

            Assert.True(report.Status == ArtifactStatus.Valid, string.Join("; ", report.Reasons));
            Assert.Equal(model.Sha256, report.Sha256);
            Assert.True(report.ParameterCount > 10_000_000);
        }
    }

    // TensorSpec holds its shape as a list, which records compare by reference.
    private static (string, string, string) Plain(TensorSpec spec) => (spec.Name, spec.ElementType, string.Join(",", spec.Shape));
}
