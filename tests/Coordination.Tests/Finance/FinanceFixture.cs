using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Finance;

public sealed class FinanceFixture() : ServiceFixture("finance");
