using System.Collections.Frozen;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Coordination.Contracts;

/// <summary>
/// The names the contract gives an enum's values (<c>UNIT_TYPE_FORMED_POLICE_UNIT</c>), read from the generated code's
/// <see cref="OriginalNameAttribute"/>, for every message a partner reads: they know the proto, not our C# names.
/// </summary>
public static class ProtoEnumNames
{
    /// <summary>The contract's name of <paramref name="value"/>; a number the contract does not define is written as one.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The contract's names of the values a request may carry: all but the zero value (<c>…_UNSPECIFIED</c>), in declaration order.</summary>
    public static IReadOnlyList<string> Settable<TEnum>() where TEnum : struct, Enum => Names<TEnum>.Settable;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        private static readonly (TEnum Value, string Name)[] Declared = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Value: (TEnum)f.GetValue(null)!, Attribute: f.GetCustomAttribute<OriginalNameAttribute>()))
            // An alias (allow_alias) is not what the contract calls the value.
            .Where(f => f.Attribute?.PreferredAlias != false)
            .Select(f => (f.Value, f.Attribute?.Name ?? f.Value.ToString()))
            .ToArray();

        public static readonly FrozenDictionary<TEnum, string> ByValue = Declared
            .DistinctBy(d => d.Value).ToFrozenDictionary(d => d.Value, d => d.Name);

        public static readonly IReadOnlyList<string> Settable = Declared
            .Where(d => Convert.ToInt64(d.Value, System.Globalization.CultureInfo.InvariantCulture) != 0)
            .DistinctBy(d => d.Value).Select(d => d.Name).ToArray();
    }
}
