using Coordination.Validation;
using Xunit;

namespace Coordination.Tests.Unit;

/// <summary>The one way every service checks a repeated field: its count first, then repeats in one pass.</summary>
public sealed class RepeatedFieldsTests
{
    [Fact]
    public void A_count_outside_its_bounds_is_one_violation_on_the_field_and_reads_no_entry()
    {
        var v = new Violations();

        Assert.False(v.CountWithin(1_000_000, "lines", 1, 100));
        Assert.False(v.CountWithin(16, "member_votes", 0, 15, "the Council has 15 members"));
        Assert.True(v.CountWithin(0, "tasks", 0, 50));

        Assert.Equal(
            [("lines", "required: 1 to 100 entries, not 1,000,000"), ("member_votes", "at most 15 entries, not 16: the Council has 15 members")],
            v.Items.Select(i => (i.Field, i.Description)));
    }

    [Fact]
    public void Each_repeat_is_refused_where_it_repeats_naming_the_first()
    {
        var v = new Violations();

        v.Unique(["KEN", "HTI", "KEN", "KEN"], code => code, "party_nation_codes");
        v.Unique([("a", 1), ("b", 2), ("a", 3)], line => line.Item1, "lines", "item_id");

        Assert.Equal(
            [
                ("party_nation_codes[2]", "repeats party_nation_codes[0]: each at most once"),
                ("party_nation_codes[3]", "repeats party_nation_codes[0]: each at most once"),
                ("lines[2].item_id", "repeats lines[0].item_id: each at most once"),
            ],
            v.Items.Select(i => (i.Field, i.Description)));
    }
}
