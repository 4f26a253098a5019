using System.Threading.Channels;
using Coordination.Auth;
using Coordination.Errors;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Officers;

/// <summary>
/// A roster import: rows arrive on a stream and are committed in batches, each row on its own merits. Officers are
/// matched on nation + service number, so a re-sent roster finds them instead of registering them twice, and a
/// concurrent import of the same rows loses its batch on the unique key, re-reads and finds them too. An import holds at
/// most <see cref="MaxRows"/> rows: the row after them ends the stream with INVALID_ARGUMENT (field <c>rows</c>), once
/// every row before it has been applied and reported, and nothing more is read. What an import keeps in memory is
/// bounded by that: a batch, the channel ahead of it, and one entry per service number seen.
/// </summary>
public sealed class RosterImport(PersonnelDbContext db, TimeProvider time)
{
    public const int BatchSize = 500;
    /// <summary>Rows one import may carry; a multiple of <see cref="BatchSize"/>, so the refusal finds no batch half done.</summary>
    public const int MaxRows = 10_000;

    public async Task RunAsync(IAsyncStreamReader<ImportRosterRequest> input, IServerStreamWriter<ImportRosterProgress> output,
        Caller caller, CancellationToken ct)
    {
        if (!await input.MoveNext(ct) || input.Current.ItemCase != ImportRosterRequest.ItemOneofCase.Header)
        {
            new Violations().Add("header", "required: the first message names the roster's nation; rows follow it").ThrowIfAny();
        }
        var nation = input.Current.Header.NationCode;
        var v = new Violations();
        v.NationCode(nation, "header.nation_code");
        v.ThrowIfAny();
        caller.RequireNation(nation, "import rosters");

        var import = new Import(nation, caller, $"import/{Ids.New()}");
        // The next rows are received while a batch commits: the network and the database work side by side. Whatever
        // ends the import (the last row, a refusal, a failure), the receiving ends with it: the request stream is never
        // read after the call is over.
        var received = Channel.CreateBounded<ImportRosterRequest>(BatchSize * 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var receiving = ReceiveAsync(input, received.Writer, stop.Token);
        try
        {
            await ImportAsync(import, received.Reader, output, ct);
        }
        finally
        {
            await stop.CancelAsync();
            await receiving; // it never throws: what it meets ends the channel
        }
    }

    private async Task ImportAsync(Import import, ChannelReader<ImportRosterRequest> received, IServerStreamWriter<ImportRosterProgress> output,
        CancellationToken ct)
    {
        var batch = new List<(int Row, ImportRosterRequest Item)>(BatchSize);
        var row = 0;
        await foreach (var item in received.ReadAllAsync(ct))
        {
            if (row == MaxRows)
            {
                new Violations().Add("rows", $"at most {MaxRows:N0} rows per import; rows 1 to {MaxRows:N0} were applied as reported, send the rest in another import").ThrowIfAny();
            }
            batch.Add((++row, item));
            if (batch.Count == BatchSize)
            {
                await output.WriteAsync(await ApplyAsync(import, batch, ct), ct);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            await output.WriteAsync(await ApplyAsync(import, batch, ct), ct);
        }
        await output.WriteAsync(import.Progress([], done: true), ct);
    }

    private static async Task ReceiveAsync(IAsyncStreamReader<ImportRosterRequest> input, ChannelWriter<ImportRosterRequest> rows, CancellationToken ct)
    {
        try
        {
            // One message past the limit is enough to refuse the import; nothing after it is read.
            for (var count = 0; count <= MaxRows && await input.MoveNext(ct); count++)
            {
                await rows.WriteAsync(input.Current, ct);
            }
            rows.Complete();
        }
        catch (Exception e)
        {
            rows.Complete(e);
        }
    }

    private async Task<ImportRosterProgress> ApplyAsync(Import import, List<(int Row, ImportRosterRequest Item)> batch, CancellationToken ct)
    {
        try
        {
            return await TryApplyAsync(import, batch, ct);
        }
        catch (DbUpdateException e) when (ServiceDbContext.IsUniqueViolation(e))
        {
            // Another import registered some of these officers first: they are now ALREADY_REGISTERED.
            db.ChangeTracker.Clear();
            return await TryApplyAsync(import, batch, ct);
        }
    }

    private async Task<ImportRosterProgress> TryApplyAsync(Import import, List<(int Row, ImportRosterRequest Item)> batch, CancellationToken ct)
    {
        var today = time.Today();
        var results = new List<RowResult>(batch.Count);
        var drafts = new List<(RowResult Result, OfficerDraft Draft)>(batch.Count);
        foreach (var (row, item) in batch)
        {
            var result = new RowResult { Row = row };
            results.Add(result);
            var v = new Violations();
            if (!import.Caller.ActsForMission)
            {
                foreach (var act in OfficerRecords.MissionActs(item.Row))
                {
                    v.Add(act.Field, act.Description);
                }
            }
            var draft = item.ItemCase == ImportRosterRequest.ItemOneofCase.Row
                ? OfficerRecords.Read(item.Row, v, today)
                : null;
            if (item.ItemCase != ImportRosterRequest.ItemOneofCase.Row)
            {
                v.Add("row", "required: after the header, every message is a row");
            }
            else if (draft is not null && import.FirstRow.TryGetValue(draft.ServiceNumber, out var first) && first != row)
            {
                v.Add("service_number", $"{draft.ServiceNumber} is already on row {first} of this import");
            }
            if (v.Any)
            {
                result.Outcome = RowOutcome.Rejected;
                result.Violations.Add(v.Items.Select(x => new RowViolation { Field = x.Field, Description = x.Description }));
                continue;
            }
            import.FirstRow[draft!.ServiceNumber] = row;
            drafts.Add((result, draft));
        }

        var numbers = drafts.Select(d => d.Draft.ServiceNumber).ToList();
        var existing = await db.Officers.AsNoTracking()
            .Where(o => o.Nation == import.Nation && numbers.Contains(o.ServiceNumber))
            .Select(o => new { o.ServiceNumber, o.Id })
            .ToDictionaryAsync(o => o.ServiceNumber, o => o.Id, ct);
        foreach (var (result, draft) in drafts)
        {
            if (existing.TryGetValue(draft.ServiceNumber, out var id))
            {
                result.Outcome = RowOutcome.AlreadyRegistered;
                result.OfficerId = id;
                continue;
            }
            var officer = Officer.Register(import.Nation, draft, Audit.Created(import.Caller, import.Id, time.UtcNow()));
            db.Officers.Add(officer);
            result.Outcome = RowOutcome.Created;
            result.OfficerId = officer.Id;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return import.Progress(results, done: false);
    }

    /// <summary>One stream's running totals.</summary>
    private sealed class Import(string nation, Caller caller, string id)
    {
        public string Nation { get; } = nation;
        public Caller Caller { get; } = caller;
        /// <summary>Recorded as the officers' last request id, to trace them to this import.</summary>
        public string Id { get; } = id;
        public Dictionary<string, int> FirstRow { get; } = new(StringComparer.Ordinal);
        private int received, created, registered, rejected;

        public ImportRosterProgress Progress(List<RowResult> results, bool done)
        {
            received += results.Count;
            created += results.Count(r => r.Outcome == RowOutcome.Created);
            registered += results.Count(r => r.Outcome == RowOutcome.AlreadyRegistered);
            rejected += results.Count(r => r.Outcome == RowOutcome.Rejected);
            return new ImportRosterProgress
            {
                RowsReceived = received,
                RowsCreated = created,
                RowsAlreadyRegistered = registered,
                RowsRejected = rejected,
                Results = { results },
                Done = done,
            };
        }
    }
}
