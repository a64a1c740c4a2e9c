using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Volunteers;

namespace Reflexes.Web.Modules.Reserve.Planning;

/// <summary>A week on the planning board: its slots with who is on them, the last run's shortfalls, and the pool.</summary>
public sealed record PlanningBoard(
    DateOnly Monday,
    IReadOnlyList<PlanningBoard.Row> Rows,
    IReadOnlyList<PoolVolunteer> Pool,
    int Hidden,
    bool CrisisMode,
    IReadOnlyDictionary<Guid, string> Names,
    IReadOnlyDictionary<Guid, WeekCapacity> Capacities)
{
    public sealed record Row(Mission Mission, MissionSlot Slot, IReadOnlyList<AssignmentOfVolunteer> Assignments, SlotShortfall? Shortfall)
    {
        public int Filled => Assignments.Count(a => a.IsActive);
    }

    public int Proposed => Rows.Sum(r => r.Assignments.Count(a => a.Status == AssignmentStatus.Proposed));

    /// <summary>Published assignments of volunteers without an account: the coordination unit calls them.</summary>
    public int ToCall => Rows.Sum(r => r.Assignments.Count(a => a.Status == AssignmentStatus.Published && a.UserId is null));

    public int Needed => Rows.Sum(r => r.Slot.Needed);

    public int Filled => Rows.Sum(r => r.Filled);
}
