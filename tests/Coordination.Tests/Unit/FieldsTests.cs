using System.Text;
using Coordination.Common.V1;
using Coordination.Errors;
using Coordination.Persistence;
using Coordination.Validation;
using Xunit;

namespace Coordination.Tests.Unit;

/// <summary>Shared field rules: nations, request ids, page tokens and sizes, record ids.</summary>
public sealed class FieldsTests
{
    private static string Token(string text) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Theory]
    [InlineData("KEN")]
    [InlineData("HTI")]
    [InlineData("USA")]
    [InlineData("JAM")]
    public void An_ISO_alpha_3_code_is_a_known_nation(string code) => Assert.True(Nations.IsKnown(code));

    [Theory]
    [InlineData("ken")]
    [InlineData("XXX")]
    [InlineData("")]
    [InlineData("KE")]
    [InlineData(" KEN")]
    public void Anything_else_is_not_a_nation(string code) => Assert.False(Nations.IsKnown(code));

    [Fact]
    public void There_are_249_nations()
    {
        Assert.Equal(249, Nations.Count);

        var v = new Violations();
        v.NationCode("XXX", "nation_code");
        var e = Assert.Throws<RequestValidationException>(v.ThrowIfAny);
        Assert.Equal("nation_code", Assert.Single(e.Violations).Field);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("r-1.2_3")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("KEN-MFA.2024_07_09")]
    public void A_request_id_of_up_to_64_safe_characters_is_valid(string requestId)
    {
        var v = new Violations();
        v.RequestId(requestId);
        Assert.False(v.Any);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("café")]
    [InlineData("a\n")]
    public void Any_other_request_id_is_invalid(string requestId)
    {
        var v = new Violations();
        v.RequestId(requestId);
        var e = Assert.Throws<RequestValidationException>(v.ThrowIfAny);
        Assert.Equal("request_id", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void A_page_token_reads_back_the_id_it_was_made_from()
    {
        var id = Ids.New();
        var v = new Violations();

        var cursor = Paging.Read(new PageRequest { PageSize = 10, PageToken = Token("v1:" + id) }, v);

        Assert.False(v.Any);
        Assert.Equal(new PageCursor(10, id), cursor);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("!!!")]
    [InlineData("djE6bm90LWFuLWlk")] // "v1:not-an-id"
    public void A_forged_page_token_is_refused(string token)
    {
        var v = new Violations();

        var cursor = Paging.Read(new PageRequest { PageToken = token }, v);

        Assert.Null(cursor.AfterId);
        var e = Assert.Throws<RequestValidationException>(v.ThrowIfAny);
        Assert.Equal("page.page_token", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void A_token_with_another_version_or_a_tampered_id_is_refused()
    {
        var id = Ids.New();
        foreach (var token in new[] { Token("v2:" + id), Token("v1:" + id.ToUpperInvariant()), Token("v1:" + id[..31]), Token("v1:" + id + "0") })
        {
            var v = new Violations();
            Paging.Read(new PageRequest { PageToken = token }, v);
            Assert.True(v.Any, $"The token {token} was accepted.");
        }
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(500, 500)]
    [InlineData(501, 500)]
    [InlineData(int.MaxValue, 500)]
    public void A_page_size_defaults_to_50_and_is_capped_at_500(int asked, int size)
    {
        var v = new Violations();

        Assert.Equal(size, Paging.Read(new PageRequest { PageSize = asked }, v).Size);
        Assert.False(v.Any);
    }

    [Fact]
    public void No_page_request_means_the_first_page_of_the_default_size_and_a_negative_size_is_invalid()
    {
        var v = new Violations();
        Assert.Equal(new PageCursor(Paging.DefaultSize, null), Paging.Read(null, v));
        Assert.False(v.Any);

        Paging.Read(new PageRequest { PageSize = -1 }, v);
        var e = Assert.Throws<RequestValidationException>(v.ThrowIfAny);
        Assert.Equal("page.page_size", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void Ids_are_32_lower_case_hex_characters_that_sort_in_creation_order()
    {
        var ids = new List<string>(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            ids.Add(Ids.New());
        }

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        for (var i = 1; i < ids.Count; i++)
        {
            Assert.True(string.CompareOrdinal(ids[i - 1], ids[i]) < 0, $"Id {i} ({ids[i]}) does not sort after id {i - 1} ({ids[i - 1]}).");
        }
        Assert.True(Fields.IsWellFormedId(ids[0]));
    }

    [Fact]
    public void An_id_followed_by_a_newline_is_not_well_formed()
    {
        var id = Ids.New();

        Assert.True(Fields.IsWellFormedId(id));
        Assert.False(Fields.IsWellFormedId(id + "\n"));
    }

    [Theory]
    [InlineData("Port\0Hospital")]
    [InlineData("Port\u0007Hospital")]
    [InlineData("Port\u007FHospital")]
    [InlineData("Port\u009BHospital")]
    [InlineData("Port\nHospital")]
    [InlineData("Port\tHospital")]
    public void One_line_of_text_refuses_every_control_character(string name)
    {
        var v = new Violations();
        v.Text(name, "name", 1, 120);

        Assert.Contains("U+00", Assert.Single(v.Items).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_keeps_line_breaks_and_tabs_but_refuses_other_control_characters()
    {
        var v = new Violations();
        v.Text("Recaptured at dawn.\r\n\tThe perimeter holds.", "reason", 1, Fields.ProseLength);
        Assert.False(v.Any);

        v.Text("Recaptured\0at dawn.", "reason", 1, Fields.ProseLength);
        Assert.Equal("reason", Assert.Single(v.Items).Field);
    }

    [Fact]
    public void A_quote_of_what_was_sent_is_short_and_shows_no_control_characters()
    {
        Assert.Equal("'KEN'", Fields.Quote("KEN"));
        Assert.Equal("'K\uFFFDN'", Fields.Quote("K\0N"));
        var quoted = Fields.Quote("KEN" + new string('X', 20_000));
        Assert.StartsWith("'KENXXX", quoted, StringComparison.Ordinal);
        Assert.EndsWith("…' (20,003 characters)", quoted, StringComparison.Ordinal);
        Assert.True(quoted.Length < 64, quoted);
        Assert.False(char.IsHighSurrogate(Fields.Quote(new string('x', 31) + "😀😀")[32]));
    }

    [Fact]
    public void A_nation_or_currency_code_is_refused_quoting_at_most_a_prefix_of_what_was_sent()
    {
        var v = new Violations();

        Assert.False(v.CurrencyCode("EU" + new string('R', 20_000), "currency_code"));
        v.NationCode("KE" + new string('N', 20_000), "nation_code");
        Assert.True(v.CurrencyCode("EUR", "currency_code"));

        Assert.Equal(["currency_code", "nation_code"], v.Items.Select(i => i.Field));
        Assert.All(v.Items, i => Assert.Contains("(20,002 characters)", i.Description, StringComparison.Ordinal));
        Assert.All(v.Items, i => Assert.True(i.Description.Length < 120, i.Description));
    }

    [Fact]
    public void A_refusal_lists_twenty_violations_and_counts_the_rest()
    {
        var v = new Violations();
        for (var i = 0; i < 300; i++)
        {
            v.Add($"lines[{i}].item_id", "appears on an earlier line " + new string('!', 1_000));
        }

        var e = Assert.Throws<RequestValidationException>(v.ThrowIfAny);

        Assert.Equal(Violations.MaxReported + 1, e.Violations.Count);
        Assert.All(e.Violations, x => Assert.True(x.Description.Length <= Violations.MaxDescriptionLength));
        Assert.Equal(("request", "and 280 more violations, not listed"), (e.Violations[^1].Field, e.Violations[^1].Description));
    }

    [Fact]
    public void A_cut_never_splits_a_character_written_as_two_utf16_units()
    {
        var emoji = new string('x', 198) + "😀😀😀";
        var longer = new string('x', Violations.MaxDescriptionLength - 2) + "😀😀😀";

        var cut = Refusals.Cut(emoji, 200);
        var violation = new Violations().Add("name", longer).Items[0].Description;

        foreach (var (text, limit) in new[] { (cut, 200), (violation, Violations.MaxDescriptionLength) })
        {
            Assert.True(text.Length <= limit, text);
            Assert.EndsWith("…", text, StringComparison.Ordinal);
            Assert.Equal(text, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));
        }
        Assert.Equal("x😀", Refusals.Cut("x😀", 3));
    }
}
