using System.Text;
using FluentValidation.Results;

namespace Marketplace.Application.Common.Validation;

/// <summary>Turns validator property paths ("Pricing.Currency") into JSON body paths ("pricing.currency").</summary>
public static class FieldNames
{
    public static IReadOnlyDictionary<string, string[]> Group(IEnumerable<ValidationFailure> failures) =>
        failures
            .GroupBy(f => ToJsonPath(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());

    public static string ToJsonPath(string propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return "body";
        }
        var builder = new StringBuilder(propertyPath.Length);
        var startOfSegment = true;
        foreach (var c in propertyPath)
        {
            builder.Append(startOfSegment ? char.ToLowerInvariant(c) : c);
            startOfSegment = c is '.' or '[';
        }
        return builder.ToString();
    }
}
