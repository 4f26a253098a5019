using System.Collections.Frozen;

namespace Coordination.Validation;

/// <summary>ISO 4217 active currency codes with the number of digits of their minor unit.</summary>
public static class Currencies
{
    private static readonly FrozenDictionary<string, int> MinorDigits = Build(
        ("0", "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"),
        ("3", "BHD IQD JOD KWD LYD OMR TND"),
        ("4", "CLF UYW"),
        ("2", """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
            CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS
            GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL
            MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK
            PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS
            TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG
            """));

    /// <summary>True for an active ISO 4217 code (upper case).</summary>
    public static bool IsKnown(string code) => MinorDigits.ContainsKey(code);

    /// <summary>Digits of the minor unit: 2 for USD (cents), 0 for JPY, 3 for KWD.</summary>
    public static int MinorUnitDigits(string code) =>
        MinorDigits.TryGetValue(code, out var digits) ? digits : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    private static FrozenDictionary<string, int> Build(params (string Digits, string Codes)[] groups) =>
        groups.SelectMany(g => g.Codes.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
                .Select(code => KeyValuePair.Create(code, int.Parse(g.Digits, System.Globalization.CultureInfo.InvariantCulture))))
            .ToFrozenDictionary(StringComparer.Ordinal);
}
