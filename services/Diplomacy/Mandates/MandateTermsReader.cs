using Coordination.Diplomacy.V1;
using Coordination.Validation;

namespace Coordination.Diplomacy.Mandates;

/// <summary>
/// Reads and checks what AdoptMandate (or a successor in TransitionMandate) carries: the adoption is a fact (not after
/// <paramref name="today"/>), the period and what falls due in it are plans (see <see cref="DateBounds"/>).
/// </summary>
public static class MandateTermsReader
{
    /// <summary>The Council has fifteen members: no vote has more entries.</summary>
    public const int CouncilMembers = 15;

    public static MandateTerms? Read(AdoptMandateRequest? request, DateOnly today, Violations v, string prefix = "")
    {
        if (request is null)
        {
            v.Add(prefix.TrimEnd('.'), "required");
            return null;
        }
        v.Text(request.ResolutionSymbol, prefix + "resolution_symbol", 1, 60);
        var adoptedOn = v.RequiredFact(request.AdoptedOn, prefix + "adopted_on", today);
        var vote = ReadVote(request.Vote, v, prefix + "vote");
        var members = ReadMemberVotes(request, vote, v, prefix);
        var start = v.RequiredPlan(request.PeriodStart, prefix + "period_start", today, DateBounds.MandateCalendar);
        var end = v.RequiredPlan(request.PeriodEnd, prefix + "period_end", today, DateBounds.MandateCalendar);
        if (start is not null && end is not null)
        {
            v.Check(end > start, prefix + "period_end", "must be after period_start");
        }
        var split = ReadSplit(request.CeilingSplit, v, prefix + "ceiling_split");
        var ceiling = CeilingWithSplit(request.PersonnelCeiling, split, v, prefix + "personnel_ceiling");
        if (split is null)
        {
            v.Range(ceiling, prefix + "personnel_ceiling", 1, 100_000);
        }
        if (v.CountWithin(request.Tasks.Count, prefix + "tasks", 0, 50))
        {
            for (var i = 0; i < request.Tasks.Count; i++)
            {
                v.Text(request.Tasks[i], $"{prefix}tasks[{i}]", 1, 200);
            }
        }
        var obligations = new List<Obligation>();
        var obligationCount = v.CountWithin(request.ReportingObligations.Count, prefix + "reporting_obligations", 0, 50)
            ? request.ReportingObligations.Count
            : 0;
        for (var i = 0; i < obligationCount; i++)
        {
            var o = request.ReportingObligations[i];
            var field = $"{prefix}reporting_obligations[{i}]";
            v.Text(o.Title, field + ".title", 1, 200);
            v.Defined(o.Kind, field + ".kind");
            var due = v.RequiredDate(o.DueOn, field + ".due_on");
            if (due is not null && start is not null && end is not null)
            {
                v.Check(due >= start && due <= end, field + ".due_on", "must fall within the mandate period");
            }
            if (due is not null)
            {
                obligations.Add(new Obligation(o.Title, due.Value, o.Kind));
            }
        }
        return v.Any
            ? null
            : new MandateTerms(request.ResolutionSymbol, adoptedOn!.Value, vote, members, start!.Value, end!.Value,
                ceiling, [.. request.Tasks], obligations, split);
    }

    /// <summary>The split of a ceiling, when given: each part from 0 to 100,000, their sum (the ceiling) from 1 to 100,000.</summary>
    public static CeilingParts? ReadSplit(CeilingSplit? split, Violations v, string field)
    {
        if (split is null)
        {
            return null;
        }
        var parts = new CeilingParts(split.Uniformed, split.Civilian);
        v.Range(split.Uniformed, field + ".uniformed", 0, 100_000);
        v.Range(split.Civilian, field + ".civilian", 0, 100_000);
        if (split.Uniformed is >= 0 and <= 100_000 && split.Civilian is >= 0 and <= 100_000)
        {
            v.Check(parts.Total is >= 1 and <= 100_000, field, $"the parts add up to {parts.Total:N0}; a ceiling is from 1 to 100,000");
        }
        return parts;
    }

    /// <summary>With a split, the ceiling is its sum: a given ceiling must equal it (0 stands for it).</summary>
    public static int CeilingWithSplit(int ceiling, CeilingParts? split, Violations v, string field)
    {
        if (split is null)
        {
            return ceiling;
        }
        v.Check(ceiling == 0 || ceiling == split.Total, field, $"must be 0 or the sum of ceiling_split ({split.Total})");
        return split.Total;
    }

    public static CouncilVote ReadVote(Vote? vote, Violations v, string field)
    {
        if (vote is null)
        {
            return new CouncilVote(0, 0, 0);
        }
        v.Check(vote.InFavour >= 0 && vote.Against >= 0 && vote.Abstentions >= 0, field, "counts must not be negative");
        v.Check(vote.InFavour + vote.Against + vote.Abstentions <= CouncilMembers, field, $"the Council has {CouncilMembers} members; the counts add up to more");
        return new CouncilVote(vote.InFavour, vote.Against, vote.Abstentions);
    }

    private static List<MemberVoteRecord> ReadMemberVotes(AdoptMandateRequest request, CouncilVote vote, Violations v, string prefix)
    {
        var field = prefix + "member_votes";
        var members = new List<MemberVoteRecord>();
        if (!v.CountWithin(request.MemberVotes.Count, field, 0, CouncilMembers, $"the Council has {CouncilMembers} members"))
        {
            return members;
        }
        for (var i = 0; i < request.MemberVotes.Count; i++)
        {
            var m = request.MemberVotes[i];
            v.NationCode(m.MemberCode, $"{field}[{i}].member_code");
            v.Defined(m.Position, $"{field}[{i}].position");
            members.Add(new MemberVoteRecord(m.MemberCode, m.Position));
        }
        if (members.Count == 0)
        {
            return members;
        }
        v.Unique(members, m => m.Member, field);
        v.Check(members.Count(m => m.Position == VotePosition.InFavour) == vote.InFavour
                && members.Count(m => m.Position == VotePosition.Against) == vote.Against
                && members.Count(m => m.Position == VotePosition.Abstain) == vote.Abstentions,
            field, $"must add up to the vote ({vote.InFavour} in favour, {vote.Against} against, {vote.Abstentions} abstaining)");
        return members;
    }
}
