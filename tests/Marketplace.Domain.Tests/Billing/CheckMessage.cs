using System.Runtime.CompilerServices;
using System.Text;

namespace Marketplace.Domain.Tests.Billing;

/// <summary>
/// An interpolated failure message that is only formatted when the check fails: the property test
/// checks millions of times, and formatting every message would cost most of its run time.
/// </summary>
[InterpolatedStringHandler]
internal ref struct CheckMessage
{
    private readonly StringBuilder? _text;

    public CheckMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        _text = condition ? null : new StringBuilder(literalLength + formattedCount * 8);
        shouldAppend = !condition;
    }

    public readonly void AppendLiteral(string value) => _text?.Append(value);

    public readonly void AppendFormatted<T>(T value) => _text?.Append(value);

    public override readonly string ToString() => _text?.ToString() ?? "";
}
