using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Errors;
using Coordination.Events;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Mandates;

/// <summary>gRPC surface of mandates. Diplomats and mission admins write; every authenticated caller reads.</summary>
public sealed class MandatesApi(DiplomacyDbContext db, Writes writes, TimeProvider time) : MandateService.MandateServiceBase
{
    public override async Task<V1.Mandate> AdoptMandate(AdoptMandateRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        var terms = MandateTermsReader.Read(request, time.Today(), v);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            await EnsureSymbolIsNewAsync(terms!.ResolutionSymbol, context.CancellationToken);
            var now = time.UtcNow();
            var mandate = Mandate.Adopt(terms, Audit.Created(caller, request.RequestId, now));
            db.Mandates.Add(mandate);
            db.Publish(new MandateAdopted
            {
                OccurredAt = now,
                SubjectId = mandate.Id,
                ResolutionSymbol = mandate.ResolutionSymbol,
                AdoptedOn = mandate.AdoptedOn,
                PeriodStart = mandate.PeriodStart,
                PeriodEnd = mandate.PeriodEnd,
                PersonnelCeiling = mandate.PersonnelCeiling,
                UniformedCeiling = mandate.UniformedCeiling,
                CivilianCeiling = mandate.CivilianCeiling,
            });
            return mandate.ToProto(time.Today());
        });
    }

    public override async Task<V1.Mandate> GetMandate(GetMandateRequest request, ServerCallContext context)
    {
        return (await FindAsync(request.Id, context.CancellationToken)).ToProto(time.Today());
    }

    public override async Task<ListMandatesResponse> ListMandates(ListMandatesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var (items, page) = await db.Mandates.AsNoTracking().ToPageAsync(cursor, context.CancellationToken);
        return new ListMandatesResponse { Mandates = { items.Select(m => m.ToProto(time.Today())) }, Page = page };
    }

    public override async Task<V1.Mandate> ExtendMandate(ExtendMandateRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Text(request.ResolutionSymbol, "resolution_symbol", 1, 60);
        var adoptedOn = v.RequiredFact(request.AdoptedOn, "adopted_on", time.Today());
        var end = v.RequiredPlan(request.PeriodEnd, "period_end", time.Today(), DateBounds.MandateCalendar);
        var vote = MandateTermsReader.ReadVote(request.Vote, v, "vote");
        v.Range(request.PersonnelCeiling, "personnel_ceiling", 0, 100_000);
        var split = MandateTermsReader.ReadSplit(request.CeilingSplit, v, "ceiling_split");
        var ceiling = MandateTermsReader.CeilingWithSplit(request.PersonnelCeiling, split, v, "personnel_ceiling");
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var mandate = await FindAsync(request.Id, context.CancellationToken);
            await EnsureSymbolIsNewAsync(request.ResolutionSymbol, context.CancellationToken);
            var now = time.UtcNow();
            var renewal = mandate.Extend(request.ResolutionSymbol, adoptedOn!.Value, end!.Value, ceiling, split, vote, caller, request.RequestId, now);
            db.Publish(new MandateExtended
            {
                OccurredAt = now,
                SubjectId = mandate.Id,
                ResolutionSymbol = renewal.ResolutionSymbol,
                AdoptedOn = renewal.AdoptedOn,
                PeriodStart = mandate.PeriodStart,
                PreviousPeriodEnd = renewal.PreviousPeriodEnd,
                PeriodEnd = renewal.PeriodEnd,
                PersonnelCeiling = renewal.PersonnelCeiling,
                UniformedCeiling = renewal.UniformedCeiling,
                CivilianCeiling = renewal.CivilianCeiling,
            });
            return mandate.ToProto(time.Today());
        });
    }

    public override async Task<V1.Mandate> TransitionMandate(TransitionMandateRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        var terms = MandateTermsReader.Read(request.Successor, time.Today(), v, "successor.");
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var predecessor = await FindAsync(request.Id, context.CancellationToken);
            await EnsureSymbolIsNewAsync(terms!.ResolutionSymbol, context.CancellationToken);
            var now = time.UtcNow();
            var successor = predecessor.HandOverTo(terms, caller, request.RequestId, now);
            db.Mandates.Add(successor);
            db.Publish(new MandateTransitioned
            {
                OccurredAt = now,
                SubjectId = successor.Id,
                PredecessorId = predecessor.Id,
                PredecessorPeriodEnd = predecessor.PeriodEnd,
                ResolutionSymbol = successor.ResolutionSymbol,
                AdoptedOn = successor.AdoptedOn,
                PeriodStart = successor.PeriodStart,
                PeriodEnd = successor.PeriodEnd,
                PersonnelCeiling = successor.PersonnelCeiling,
                UniformedCeiling = successor.UniformedCeiling,
                CivilianCeiling = successor.CivilianCeiling,
            });
            return successor.ToProto(time.Today());
        });
    }

    public override async Task<MandateCalendar> GetMandateCalendar(GetMandateCalendarRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var from = v.OptionalDate(request.From, "from") ?? time.Today();
        var to = v.OptionalDate(request.To, "to") ?? from.AddYears(1);
        v.Check(to >= from, "to", "must not be before from");
        v.Check(to <= from.AddYears(10), "to", "the calendar spans at most ten years");
        v.ThrowIfAny();

        var mandates = await db.Mandates.AsNoTracking().Where(m => m.PeriodEnd >= from && m.PeriodStart <= to).ToListAsync(context.CancellationToken);
        var entries = mandates
            .SelectMany(m => MandateCalendarEntries.Of(m))
            .Where(e => e.On.ToDateOnly() is { } day && day >= from && day <= to)
            .OrderBy(e => e.On.ToDateOnly()).ThenBy(e => e.ResolutionSymbol, StringComparer.Ordinal);
        return new MandateCalendar { Entries = { entries } };
    }

    private async Task EnsureSymbolIsNewAsync(string symbol, CancellationToken ct)
    {
        if (await db.Mandates.AnyAsync(m => m.ResolutionSymbol == symbol, ct)
            || await db.Set<MandateRenewal>().AnyAsync(r => r.ResolutionSymbol == symbol, ct))
        {
            throw new ResourceAlreadyExistsException("resolution", symbol, $"Resolution {symbol} is already recorded.");
        }
    }

    private async Task<Mandate> FindAsync(string id, CancellationToken ct)
    {
        var v = new Violations();
        v.Id(id);
        v.ThrowIfAny();
        return await db.Mandates.GetAsync(id, "mandate", ct);
    }
}

/// <summary>The dates a mandate puts in the calendar: its expiry (unless a successor took over) and what it requires.</summary>
public static class MandateCalendarEntries
{
    public static IEnumerable<CalendarEntry> Of(Mandate m)
    {
        if (m.SuccessorId.Length == 0)
        {
            yield return new CalendarEntry
            {
                On = m.PeriodEnd.ToProto(),
                Kind = CalendarEntryKind.Expiry,
                MandateId = m.Id,
                ResolutionSymbol = m.ResolutionSymbol,
                Title = $"{m.ResolutionSymbol} expires",
            };
        }
        foreach (var o in m.Obligations)
        {
            yield return new CalendarEntry
            {
                On = o.DueOn.ToProto(),
                Kind = o.Kind == ObligationKind.Review ? CalendarEntryKind.Review : CalendarEntryKind.ReportDue,
                MandateId = m.Id,
                ResolutionSymbol = m.ResolutionSymbol,
                Title = o.Title,
            };
        }
    }
}
