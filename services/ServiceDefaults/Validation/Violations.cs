using Coordination.Errors;

namespace Coordination.Validation;

/// <summary>
/// Collects what is wrong with a request, so a partner sees every bad field at once, within bounds: the first
/// <see cref="MaxReported"/> violations and a count of the rest, each description cut to
/// <see cref="MaxDescriptionLength"/> characters, so no request can make its refusal large.
/// </summary>
public sealed class Violations
{
    /// <summary>How many violations a refusal lists; 300 bad lines are reported as 20 and "280 more".</summary>
    public const int MaxReported = 20;

    /// <summary>How long a description may be (long enough to list an enum's values by their contract names);
    /// <see cref="Fields.Quote"/> keeps quoted input shorter still.</summary>
    public const int MaxDescriptionLength = Refusals.MaxDescriptionLength;

    /// <summary>How long a field path may be.</summary>
    public const int MaxFieldLength = 100;

    private readonly List<FieldViolation> items = [];
    private int unreported;

    public bool Any => items.Count > 0;

    /// <summary>What was found so far, for callers that report violations without failing the call (a roster row).</summary>
    public IReadOnlyList<FieldViolation> Items => unreported == 0
        ? items
        : [.. items, new FieldViolation("request", $"and {unreported:N0} more violations, not listed")];

    public Violations Add(string field, string description)
    {
        if (items.Count < MaxReported)
        {
            items.Add(new FieldViolation(Refusals.Cut(field, MaxFieldLength), Refusals.Cut(description, MaxDescriptionLength)));
        }
        else
        {
            unreported++;
        }
        return this;
    }

    /// <summary>Adds a violation unless <paramref name="condition"/> holds.</summary>
    public Violations Check(bool condition, string field, string description) =>
        condition ? this : Add(field, description);

    public void ThrowIfAny()
    {
        if (items.Count > 0)
        {
            throw new RequestValidationException([.. Items]);
        }
    }
}
