using Coordination.Common.V1;
using Coordination.Personnel.V1;
using Grpc.Core;

namespace Coordination.Local;

/// <summary>
/// Kenya's roster in the demo: 400 officers vetted in early 2024 who fill the first two formed police units, and 200
/// of the 600 announced in October 2024 still in pre-deployment vetting. Service numbers are fixed, so importing the
/// roster again finds the same officers. Names and dates are made up.
/// </summary>
public static class DemoRoster
{
    public const int Deployed = 400;
    public const int InTraining = 200;

    private static readonly string[] FamilyNames = ["Otieno", "Wanjiru", "Kamau", "Mutua", "Njoroge", "Achieng", "Kiprop", "Chebet", "Omondi", "Wambui"];
    private static readonly string[] Ranks = ["Constable", "Constable", "Constable", "Corporal", "Sergeant", "Inspector"];

    /// <summary>Streams the roster through the gateway and returns the officer id of each row, in row order.</summary>
    public static async Task<List<string>> ImportAsync(OfficerService.OfficerServiceClient officers, CancellationToken ct)
    {
        using var call = officers.ImportRoster(cancellationToken: ct);
        var ids = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var progress in call.ResponseStream.ReadAllAsync(ct))
            {
                ids.AddRange(progress.Results.Select(r => r.Outcome == RowOutcome.Rejected
                    ? throw new InvalidOperationException($"Demo roster row {r.Row} was rejected: {string.Join("; ", r.Violations.Select(v => $"{v.Field}: {v.Description}"))}")
                    : r.OfficerId));
            }
        }, ct);
        await call.RequestStream.WriteAsync(new ImportRosterRequest { Header = new ImportRosterHeader { NationCode = "KEN" } }, ct);
        for (var i = 0; i < Deployed + InTraining; i++)
        {
            await call.RequestStream.WriteAsync(new ImportRosterRequest { Row = Row(i) }, ct);
        }
        await call.RequestStream.CompleteAsync();
        await reading;
        return ids;
    }

    private static OfficerRecord Row(int i)
    {
        var vetted = i < Deployed;
        var record = new OfficerRecord
        {
            ServiceNumber = $"KPS/{(vetted ? 2024 : 2025)}/{i + 1:D5}",
            FamilyName = FamilyNames[i % FamilyNames.Length],
            GivenNames = i % 7 == 0 ? "Grace" : "Peter",
            Rank = Ranks[i % Ranks.Length],
            // About one officer in seven is a woman, near the share police contingents report.
            Gender = i % 7 == 0 ? Gender.Female : Gender.Male,
            // Aged 28 to 56 when the first unit deploys on 25 June 2024.
            DateOfBirth = Day(1968 + (i % 28), 1 + (i % 12), 1 + (i % 28)),
            Languages = { "en", "sw" },
            Skills = { i % 3 == 0 ? "crowd control" : "patrol" },
            Qualifications =
            {
                new Qualification { Kind = QualificationKind.Training, Name = "UN pre-deployment training", ObtainedOn = vetted ? Day(2024, 5, 20) : Day(2024, 11, 4) },
                new Qualification { Kind = QualificationKind.Credential, Name = "Driving licence", ObtainedOn = Day(2021, 1 + (i % 12), 10), ExpiresOn = Day(2026, 1 + (i % 12), 9) },
            },
        };
        VettingStage[] stages = vetted
            ? [VettingStage.NationCertification, VettingStage.Language, VettingStage.Interview, VettingStage.Driving, VettingStage.Firearms]
            : [VettingStage.NationCertification, VettingStage.Language];
        record.Vetting.Add(stages.Select((stage, n) => new VettingResult { Stage = stage, Passed = true, On = vetted ? Day(2024, 3, 4 + n) : Day(2024, 10, 21 + n) }));
        if (vetted)
        {
            record.HumanRightsScreening = new HumanRightsScreening { Result = ScreeningResult.Cleared, On = Day(2024, 3, 1) };
        }
        return record;
    }

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
