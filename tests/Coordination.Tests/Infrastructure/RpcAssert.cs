using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace Coordination.Tests.Infrastructure;

/// <summary>Assertions on gRPC failures and their google.rpc details.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(e.StatusCode == code, $"Expected {code}, got {e.StatusCode}: {e.Status.Detail}");
        return e;
    }

    /// <summary>How the call ended: OK, or the status it failed with.</summary>
    public static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    /// <summary>The call fails with INVALID_ARGUMENT naming exactly these fields.</summary>
    public static async Task<BadRequest> InvalidFields(Func<Task> call, params string[] fields)
    {
        var e = await FailsWith(StatusCode.InvalidArgument, call);
        var badRequest = e.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(fields.Order(), badRequest.FieldViolations.Select(v => v.Field).Order());
        return badRequest;
    }

    public static async Task<PreconditionFailure> FailedPrecondition(Func<Task> call, string type)
    {
        var e = await FailsWith(StatusCode.FailedPrecondition, call);
        var failure = e.GetRpcStatus()?.GetDetail<PreconditionFailure>();
        Assert.NotNull(failure);
        Assert.Equal(type, Assert.Single(failure.Violations).Type);
        return failure;
    }
}
