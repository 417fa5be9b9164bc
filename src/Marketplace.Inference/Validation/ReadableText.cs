using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Inference.Validation;

/// <summary>
/// Validation reasons are read by the partner who uploaded the file and the operator reviewing it:
/// the runtime's own errors lose their C++ source locations and function signatures, and names
/// echoed from an untrusted file are cut to a length a person can read.
/// </summary>
public static partial class ReadableText
{
    public const int MaxEchoedName = 80;
    public const int MaxMessage = 300;

    /// <summary>A name taken from the file (a tensor, an operator, a path), safe and short enough to show.</summary>
    public static string Echo(string? name)
    {
        var clean = new string((name ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length <= MaxEchoedName ? clean : clean[..(MaxEchoedName - 1)] + "…";
    }

    /// <summary>ONNX Runtime's message without "[ErrorCode:…]", source paths or C++ signatures, on one line.</summary>
    public static string FromRuntime(string message)
    {
        var text = ErrorCode().Replace(message.ReplaceLineEndings(" "), "");
        text = SourceLocation().Replace(text, "");
        text = CppSignature().Replace(text, "");
        text = new StringBuilder(Spaces().Replace(text, " ")).ToString().Trim(' ', ':', ',');
        return text.Length <= MaxMessage ? text : text[..(MaxMessage - 1)] + "…";
    }

    [GeneratedRegex(@"\[ErrorCode:[^\]]*\]\s*")]
    private static partial Regex ErrorCode();

    /// <summary>"/onnxruntime_src/onnxruntime/core/graph/model.cc:180" and "C:\a\b\x.cpp(12)".</summary>
    [GeneratedRegex(@"(?:\b[A-Za-z]:)?[\\/]?(?:[\w.\-]+[\\/])+[\w.\-]+\.(?:cc|cpp|cxx|c|h|hpp)(?::\d+|\(\d+\))?")]
    private static partial Regex SourceLocation();

    /// <summary>"onnxruntime::Model::Model(ModelProto&amp;&amp;, …)" up to its closing parenthesis.</summary>
    [GeneratedRegex(@"(?:[A-Za-z_]\w*::)+~?[A-Za-z_]\w*(?:<[^>]*>)?\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?(?:\s*const)?")]
    private static partial Regex CppSignature();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
