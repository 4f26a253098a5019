using System.Reflection;
using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.Personnel;
using Coordination.Validation;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Xunit;

namespace Coordination.Tests.Contracts;

/// <summary>
/// What a partner's developer reads in an error is written in the contract's words: enum values by their proto names,
/// and a status message that any gRPC client shows as it was written.
/// </summary>
public sealed class PartnerErrorTests(PersonnelFixture fixture) : IClassFixture<PersonnelFixture>
{
    [Fact]
    public async Task A_missing_enum_value_is_refused_naming_the_values_as_the_proto_does()
    {
        var contingents = fixture.Client<ContingentService.ContingentServiceClient>(TestTokens.For("KEN", Roles.Contributor));

        var refusal = await RpcAssert.InvalidFields(() => contingents.CreateContingentAsync(new CreateContingentRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), NationCode = "KEN", Name = "Kenya FPU 9", OfficerCount = 140, TourMonths = 12,
        }).ResponseAsync, "unit_type");

        var description = Assert.Single(refusal.FieldViolations).Description;
        Assert.StartsWith("required: one of UNIT_TYPE_FORMED_POLICE_UNIT, ", description, StringComparison.Ordinal);
        Assert.DoesNotContain("FormedPoliceUnit", description, StringComparison.Ordinal);
        Assert.DoesNotContain("UNSPECIFIED", description, StringComparison.Ordinal);
    }

    public static TheoryData<string> ContractEnums()
    {
        var data = new TheoryData<string>();
        foreach (var e in Enums())
        {
            data.Add(e.FullName);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ContractEnums))]
    public void Every_contract_enum_is_listed_by_its_proto_names_whole(string fullName)
    {
        var descriptor = Enums().Single(e => e.FullName == fullName);
        var listed = (IReadOnlyList<string>)typeof(ProtoEnumNames).GetMethod(nameof(ProtoEnumNames.Settable))!
            .MakeGenericMethod(descriptor.ClrType).Invoke(null, null)!;

        Assert.Equal(descriptor.Values.Where(v => v.Number != 0).Select(v => v.Name), listed);
        // The refusal that lists them is not cut: a partner sees every value.
        var v = new Violations();
        typeof(Fields).GetMethod(nameof(Fields.Defined))!.MakeGenericMethod(descriptor.ClrType)
            .Invoke(null, [v, Enum.ToObject(descriptor.ClrType, 0), "field"]);
        Assert.Equal($"required: one of {string.Join(", ", listed)}", Assert.Single(v.Items).Description);
    }

    [Fact]
    public void A_value_is_named_as_the_proto_names_it_and_an_unknown_number_as_a_number()
    {
        Assert.Equal("CONTINGENT_STATUS_DEPLOYED", ProtoEnumNames.Of(ContingentStatus.Deployed));
        Assert.Equal("42", ProtoEnumNames.Of((ContingentStatus)42));
    }

    [Theory]
    [InlineData("refused: no token", "refused: no token")]
    [InlineData("100% of it", "100%25 of it")]
    [InlineData("Ministère: 'é'", "Minist%C3%A8re: '%C3%A9'")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void A_status_message_is_percent_encoded_only_where_the_grpc_protocol_requires(string message, string header) =>
        Assert.Equal(header, GrpcResponses.EncodeMessage(message));

    [Fact]
    public async Task A_refusal_written_outside_a_handler_reaches_a_grpc_client_as_written_colons_spaces_and_accents_included()
    {
        // A well-signed token whose role the suite does not know: the authentication step answers, not a handler.
        var token = TestTokens.Sign(TestTokens.Claims("liaison", "HTI", "ministère: délégué"), TestTokens.Key.Credentials());
        const string Expected = "The bearer token was refused: the token's role claim 'ministère: délégué' is not one of: ";

        foreach (var client in new[]
        {
            fixture.Client<ContingentService.ContingentServiceClient>(token),
            fixture.Suite.Client<ContingentService.ContingentServiceClient>("personnel", token),
        })
        {
            var e = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => client.ListContingentsAsync(new ListContingentsRequest()).ResponseAsync);
            Assert.StartsWith(Expected, e.Status.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("%", e.Status.Detail, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<EnumDescriptor> Enums() => typeof(Coordination.Common.V1.Money).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(f => f.Package.StartsWith("coordination.", StringComparison.Ordinal))
        .SelectMany(f => f.EnumTypes.Concat(f.MessageTypes.SelectMany(Nested)))
        .OrderBy(e => e.FullName, StringComparer.Ordinal);

    private static IEnumerable<EnumDescriptor> Nested(MessageDescriptor message) =>
        message.EnumTypes.Concat(message.NestedTypes.SelectMany(Nested));
}
