using Reflexes.Matching.Planning;

namespace Reflexes.Matching.Tests;

public sealed class UnfilledTests
{
    private const string Monday = "2026-12-07AM";

    [Fact]
    public void Each_unfilled_slot_says_which_condition_left_it_empty()
    {
        var instance = Make.Instance(
            [
                Make.Volunteer("driver", [Monday], skills: ["driving"], languages: ["fr"], maxKm: 2),
                Make.Volunteer("busy", ["2026-12-08AM"], total: 1),
            ],
            [
                Make.Slot("nobody", "2026-12-09AM"),
                Make.Slot("skills", Monday, skills: ["first-aid"]),
                Make.Slot("languages", Monday, skills: ["driving"], languages: ["ta"]),
                Make.Slot("distance", Monday, skills: ["driving"], lat: Make.North(5)),
                Make.Slot("caps", "2026-12-08AM", needed: 3, priority: 1),
            ]);

        var plan = MatchingEngine.Solve(instance).Plan;

        plan.Unfilled.Select(u => (u.Slot, u.Places, u.Reason)).ShouldBe([
            ("nobody", 1, UnfilledReason.NoOneAvailable),
            ("skills", 1, UnfilledReason.Skills),
            ("languages", 1, UnfilledReason.Languages),
            ("distance", 1, UnfilledReason.Distance),
            ("caps", 2, UnfilledReason.Caps),
        ]);
        plan.Unfilled[0].Explanation.ShouldBe("no volunteer is available on 2026-12-09AM");
        plan.Unfilled[1].Explanation.ShouldContain("first-aid");
    }
}
