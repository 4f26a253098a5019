using Coordination.Errors;

namespace Coordination.Validation;

/// <summary>Collects what is wrong with a request, so a partner sees every bad field at once.</summary>
public sealed class Violations
{
    private readonly List<FieldViolation> items = [];

    public bool Any => items.Count > 0;

    /// <summary>What was found so far, for callers that report violations without failing the call (a roster row).</summary>
    public IReadOnlyList<FieldViolation> Items => items;

    public Violations Add(string field, string description)
    {
        items.Add(new FieldViolation(field, description));
        return this;
    }

    /// <summary>Adds a violation unless <paramref name="condition"/> holds.</summary>
    public Violations Check(bool condition, string field, string description) =>
        condition ? this : Add(field, description);

    public void ThrowIfAny()
    {
        if (items.Count > 0)
        {
            throw new RequestValidationException(items.ToArray());
        }
    }
}
