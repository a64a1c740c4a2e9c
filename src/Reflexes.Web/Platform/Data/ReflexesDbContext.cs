using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Modules.Territory;
using Reflexes.Web.Modules.Territory.Domain;

namespace Reflexes.Web.Platform.Data;

/// <summary>
/// The platform's single database context. Each module maps its own tables in its own
/// configuration class; the schema is versioned by the hand-written migrations beside this file.
/// </summary>
public sealed class ReflexesDbContext(DbContextOptions<ReflexesDbContext> options)
    : IdentityDbContext<ReflexesUser, ReflexesRole, string>(options)
{
    /// <summary>The people whose personal data the access service allowed for this context's unit of work.</summary>
    public Modules.DataTrust.Contracts.PersonalDataGrants PersonalDataGrants { get; } = new();

    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<TerritoryProfile> TerritoryProfiles => Set<TerritoryProfile>();

    public DbSet<Neighbourhood> Neighbourhoods => Set<Neighbourhood>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<ProcessingPurpose> ProcessingPurposes => Set<ProcessingPurpose>();

    public DbSet<DataSubject> DataSubjects => Set<DataSubject>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<ExceptionalUse> ExceptionalUses => Set<ExceptionalUse>();

    public DbSet<DataBoardMember> DataBoardMembers => Set<DataBoardMember>();

    public DbSet<RightsRequest> RightsRequests => Set<RightsRequest>();

    public DbSet<Modules.Outreach.Domain.Registrant> Registrants => Set<Modules.Outreach.Domain.Registrant>();

    public DbSet<Modules.Outreach.Domain.Referral> Referrals => Set<Modules.Outreach.Domain.Referral>();

    public DbSet<Modules.Outreach.Domain.ReferralEvent> ReferralEvents => Set<Modules.Outreach.Domain.ReferralEvent>();

    public DbSet<Modules.Outreach.Domain.RoutingRule> RoutingRules => Set<Modules.Outreach.Domain.RoutingRule>();

    public DbSet<Modules.Outreach.Domain.ServiceMember> ServiceMembers => Set<Modules.Outreach.Domain.ServiceMember>();

    public DbSet<Modules.Reserve.Domain.Mission> Missions => Set<Modules.Reserve.Domain.Mission>();

    public DbSet<Modules.Reserve.Domain.MissionSlot> MissionSlots => Set<Modules.Reserve.Domain.MissionSlot>();

    public DbSet<Modules.Reserve.Domain.MissionPoster> MissionPosters => Set<Modules.Reserve.Domain.MissionPoster>();

    public DbSet<Modules.Reserve.Domain.MissionCrisisMode> MissionCrisisModes => Set<Modules.Reserve.Domain.MissionCrisisMode>();

    public DbSet<Modules.Reserve.Domain.OfferOfHelp> OffersOfHelp => Set<Modules.Reserve.Domain.OfferOfHelp>();

    public DbSet<Modules.Reserve.Domain.AssignmentOfVolunteer> VolunteerAssignments => Set<Modules.Reserve.Domain.AssignmentOfVolunteer>();

    public DbSet<Modules.Reserve.Domain.Notification> Notifications => Set<Modules.Reserve.Domain.Notification>();

    public DbSet<Modules.Reserve.Domain.SlotShortfall> SlotShortfalls => Set<Modules.Reserve.Domain.SlotShortfall>();

    public DbSet<Modules.Reserve.Domain.Skill> Skills => Set<Modules.Reserve.Domain.Skill>();

    public DbSet<Modules.Reserve.Domain.Volunteer> Volunteers => Set<Modules.Reserve.Domain.Volunteer>();

    public DbSet<Modules.Reserve.Domain.VolunteerSkill> VolunteerSkills => Set<Modules.Reserve.Domain.VolunteerSkill>();

    public DbSet<Modules.Reserve.Domain.VolunteerDatedAvailability> VolunteerDatedAvailabilities => Set<Modules.Reserve.Domain.VolunteerDatedAvailability>();

    public DbSet<Modules.Reserve.Domain.ReassignmentQuota> ReassignmentQuotas => Set<Modules.Reserve.Domain.ReassignmentQuota>();

    public DbSet<Modules.Reserve.Domain.Reassignment> Reassignments => Set<Modules.Reserve.Domain.Reassignment>();

    public DbSet<Modules.Reserve.Domain.ReassignmentHalfDay> ReassignmentHalfDays => Set<Modules.Reserve.Domain.ReassignmentHalfDay>();

    public DbSet<Modules.Outreach.Domain.Campaign> Campaigns => Set<Modules.Outreach.Domain.Campaign>();

    public DbSet<Modules.Outreach.Domain.Caller> Callers => Set<Modules.Outreach.Domain.Caller>();

    public DbSet<Modules.Outreach.Domain.CallTarget> CallTargets => Set<Modules.Outreach.Domain.CallTarget>();

    public DbSet<Modules.Outreach.Domain.CallRecord> CallRecords => Set<Modules.Outreach.Domain.CallRecord>();

    public DbSet<Modules.Outreach.Domain.RegistrantImportBatch> RegistrantImportBatches => Set<Modules.Outreach.Domain.RegistrantImportBatch>();

    public DbSet<Modules.Outreach.Domain.RegistrantImportRow> RegistrantImportRows => Set<Modules.Outreach.Domain.RegistrantImportRow>();

    public DbSet<Modules.Outreach.Domain.RegistrantImportPair> RegistrantImportPairs => Set<Modules.Outreach.Domain.RegistrantImportPair>();

    public DbSet<Modules.Outreach.Domain.RegistrantMerge> RegistrantMerges => Set<Modules.Outreach.Domain.RegistrantMerge>();

    public DbSet<Modules.Outreach.Domain.PublicFormWindow> PublicFormWindows => Set<Modules.Outreach.Domain.PublicFormWindow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored in UTC; SQLite loses the kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKeyRecord>(e =>
        {
            e.ToTable("DataProtectionKeys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Id).HasMaxLength(100);
            e.Property(k => k.Xml).IsRequired();
        });
        AccessModel.Configure(builder);
        TerritoryModel.Configure(builder);
        DataTrustModel.Configure(builder);
        Modules.Outreach.OutreachModel.Configure(builder);
        Modules.Reserve.ReserveModel.Configure(builder);
    }
}
