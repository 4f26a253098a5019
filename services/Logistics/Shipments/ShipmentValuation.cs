using Coordination.Logistics.V1;
using Coordination.Validation;
using Coordination.Values;

namespace Coordination.Logistics.Shipments;

/// <summary>
/// What a shipment is worth, as the logistics officer declares it: the carrier's freight charge and a unit value per line,
/// both in US cents. Logistics keeps no exchange rates, so an amount in another currency is refused rather than guessed;
/// a shipment is valued on every line or on none, so that a goods value is never a part passed off as the whole.
/// </summary>
public sealed record ShipmentValuation(long? FreightUsdCents, IReadOnlyList<long?> UnitValuesUsdCents)
{
    /// <summary>Reads the freight and the lines' unit values of a CreateShipment request, adding a violation for each bad one.</summary>
    public static ShipmentValuation Read(CreateShipmentRequest request, Violations v)
    {
        var freight = request.FreightCost is null ? null : ExactMoney.ReadUsd(request.FreightCost, v, "freight_cost", allowZero: true);
        var units = new List<long?>(request.Lines.Count);
        var lineTooLarge = false;
        foreach (var (line, i) in request.Lines.Select((l, i) => (l, i)))
        {
            var unit = line.UnitValue is null ? null : ExactMoney.ReadUsd(line.UnitValue, v, $"lines[{i}].unit_value");
            if (unit is { } cents && (decimal)cents * line.Quantity > ExactMoney.MaxAmountUsdCents)
            {
                lineTooLarge = true;
                v.Add($"lines[{i}].unit_value", $"makes the line worth more than {new ExactMoney("USD", ExactMoney.MaxAmountUsdCents)}, the most any one amount may be");
            }
            units.Add(unit);
        }
        var valued = request.Lines.Count(l => l.UnitValue is not null);
        if (valued > 0 && valued < request.Lines.Count)
        {
            var first = request.Lines.Select((l, i) => (l, i)).First(x => x.l.UnitValue is null).i;
            v.Add($"lines[{first}].unit_value", $"required: {valued} of the {request.Lines.Count} lines carry a unit value; value every line or none");
        }
        else if (!lineTooLarge && Total(request.Lines.Select(l => l.Quantity), units) > ExactMoney.MaxAmountUsdCents)
        {
            v.Add("lines", $"are worth more than {new ExactMoney("USD", ExactMoney.MaxAmountUsdCents)} together, the most any one amount may be");
        }
        return new ShipmentValuation(freight, units);
    }

    /// <summary>Quantities at their unit values, in US cents; null when the goods carry no value.</summary>
    public static long? Value(IEnumerable<(int Quantity, long? UnitValueUsdCents)> lines)
    {
        var list = lines.ToList();
        return list.Count > 0 && list.All(l => l.UnitValueUsdCents is not null)
            ? (long)Total(list.Select(l => l.Quantity), list.Select(l => l.UnitValueUsdCents).ToList())
            : null;
    }

    private static decimal Total(IEnumerable<int> quantities, IReadOnlyList<long?> units) =>
        quantities.Select((q, i) => (decimal)q * (units[i] ?? 0)).Sum();
}
