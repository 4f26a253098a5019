using System.Security.Claims;
using Coordination.Auth;
using Coordination.Errors;
using Coordination.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Coordination.Tests.Unit;

public sealed class CallerTests
{
    /// <summary>A handler reached without an access rule (a method the interceptor did not govern) grants nothing:
    /// PERMISSION_DENIED, not an internal error.</summary>
    [Fact]
    public void A_handler_reached_without_a_grant_refuses_its_caller()
    {
        var context = new TestCallContext("/coordination.personnel.v1.ContingentService/CreateContingent");
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimNames.Subject, "ops-1"), new Claim(ClaimNames.Nation, "KEN"), new Claim(ClaimNames.Role, Roles.MissionAdmin)], "test"));
        // Where grpc-dotnet looks for the request's HttpContext when the call context is not its own.
        context.UserState["__HttpContext"] = new DefaultHttpContext { User = user };

        Assert.Throws<AccessDeniedException>(() => Caller.From(context));
    }
}
