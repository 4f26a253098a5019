using System.Collections;
using Coordination.Logistics.Requisitions;
using Coordination.Logistics.Shipments;
using Coordination.Logistics.V1;
using Coordination.Validation;
using Xunit;

namespace Coordination.Tests.Logistics;

/// <summary>
/// The repeated lines of requisitions, shipments and receipts are counted before any line is read, and then each is read
/// a bounded number of times: what a request costs does not depend on how many lines it sends. Specified by counting the
/// reads, not by a clock.
/// </summary>
public sealed class LineCountTests
{
    /// <summary>A list that claims <paramref name="count"/> entries, all alike, and counts how often one is read.</summary>
    private sealed class CountedLines<T>(int count, T line) : IReadOnlyList<T>
    {
        public int Reads { get; private set; }

        public int Count => count;

        public T this[int index]
        {
            get
            {
                Reads++;
                return line;
            }
        }

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static readonly string ItemId = new('a', 32);

    public static TheoryData<string> Kinds => ["requisition", "shipment", "receipt"];

    private static (Action<Violations> Validate, Func<int> Reads) Lines(string kind, int count) => kind switch
    {
        "requisition" => Of(count, new RequisitionLineInput { ItemId = ItemId, Quantity = 1 }, RequisitionsApi.Lines),
        "shipment" => Of(count, new ShipmentLineInput { ItemId = ItemId, Quantity = 1 }, ShipmentsApi.Lines),
        "receipt" => Of(count, new ShipmentLineReceipt { LineId = ItemId, ReceivedQuantity = 1 }, ShipmentsApi.ReceiptLines),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static (Action<Violations>, Func<int>) Of<T>(int count, T line, Action<Violations, IReadOnlyList<T>> validate)
    {
        var lines = new CountedLines<T>(count, line);
        return (v => validate(v, lines), () => lines.Reads);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Lines_beyond_the_limit_are_one_violation_on_the_count_and_none_of_them_is_read(string kind)
    {
        foreach (var count in new[] { 0, 101, 1_500, 4_000_000 })
        {
            var (validate, reads) = Lines(kind, count);
            var v = new Violations();

            validate(v);

            Assert.Equal(0, reads());
            Assert.Equal("lines", Assert.Single(v.Items).Field);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Lines_within_the_limit_are_each_read_at_most_twice_once_for_their_fields_and_once_for_repeats(string kind)
    {
        var (validate, reads) = Lines(kind, 100);
        var v = new Violations();

        validate(v);

        Assert.InRange(reads(), 100, 200);
    }
}
