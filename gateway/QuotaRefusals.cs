using System.Globalization;
using Coordination.Auth;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Coordination.Gateway;

/// <summary>
/// A call over one of the gateway's budgets, answered so that a client can act on it: to gRPC, RESOURCE_EXHAUSTED with
/// google.rpc.RetryInfo (how long until the budget has a permit again) and google.rpc.QuotaFailure (whose budget, and
/// what it allows); to anything else, 429 Too Many Requests with the message in plain text. Both carry
/// <c>Retry-After</c> (whole seconds, at least 1) and the usual <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c> and
/// <c>RateLimit-Reset</c> headers.
/// </summary>
internal static class QuotaRefusals
{
    /// <param name="subject">Whose budget: "nation KEN", "subject …", "address …".</param>
    /// <param name="quota">What the budget allows, in words.</param>
    /// <param name="retryAfter">How long until the budget has a permit again.</param>
    /// <param name="limit">Calls the budget allows at once (its burst).</param>
    public static async Task WriteAsync(HttpContext http, string subject, string quota, TimeSpan retryAfter, int limit, string message)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var headers = http.Response.Headers;
        headers.RetryAfter = seconds;
        headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = "0";
        headers["RateLimit-Reset"] = seconds;
        if (GrpcResponses.IsGrpc(http.Request))
        {
            await GrpcResponses.WriteStatusAsync(http.Response, new Google.Rpc.Status
            {
                Code = (int)Code.ResourceExhausted,
                Message = message,
                Details =
                {
                    Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }),
                    Any.Pack(new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = subject, Description = quota } } }),
                },
            });
            return;
        }
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(message, http.RequestAborted);
    }
}
