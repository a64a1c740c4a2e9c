using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.DataBoard;
using Reflexes.Web.Modules.DataTrust.Portfolio;
using Reflexes.Web.Modules.DataTrust.PublishedProofs;
using Reflexes.Web.Modules.DataTrust.Receipts;
using Reflexes.Web.Modules.DataTrust.Rights;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Security;

namespace Reflexes.Web.Modules.DataTrust;

/// <summary>
/// The data trust: the purpose register, people's consents and their receipts, exceptional uses decided
/// by the data board, the one access service through which every module reads a resident's personal
/// data, and the tamper-evident audit log with its signed tree heads and proofs.
/// </summary>
public static class DataTrustModule
{
    /// <summary>Services shared by the web app and the command-line tool.</summary>
    public static IServiceCollection AddDataTrust(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(AuditSettings.SectionName).Get<AuditSettings>() ?? new AuditSettings());
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditProofs>();
        services.AddScoped<AuditVerification>();
        services.AddScoped<AuditSigning>();
        services.AddScoped<AuditSequencer>();

        services.AddScoped<ConsentLedger>();
        services.AddScoped<ReceiptAccess>();
        services.AddScoped<AccessJournal>();
        services.AddScoped<PersonalDataAccess>();
        services.AddScoped<ConsentRecording>();
        services.AddScoped<RightsIntake>();
        services.AddScoped<DemoPurposes>();
        services.AddScoped<IPersonalDataHolder, AccountHolder>();
        services.AddScoped<IPersonalDataHolder, ConsentHolder>();
        services.AddScoped<IPersonalDataHolder, AccessTrailHolder>();
        services.AddScoped<PersonalPortfolio>();
        services.AddScoped<RightsDesk>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, DataBoardHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(DataTrustPolicies.DataProtection, p => p.RequireRole(Roles.DataProtectionOfficer, Roles.Administrator))
            .AddPolicy(DataBoardPolicy.Name, p => p.AddRequirements(new DataBoardRequirement()))
            .AddPolicy(DataBoardPolicy.StaffOrBoard, p => p.AddRequirements(new StaffOrBoardRequirement()));
        return services;
    }

    /// <summary>The web app's periodic signing of tree heads.</summary>
    public static IServiceCollection AddDataTrustJobs(this IServiceCollection services) =>
        services.AddHostedService<AuditTreeHeadJob>().AddHostedService<AuditSequencerJob>();

    public static IEndpointRouteBuilder MapDataTrust(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit");
        audit.MapGet("/tree-heads", AuditProofEndpoints.TreeHeadsAsync).AllowAnonymous();
        audit.MapGet("/consistency", AuditProofEndpoints.ConsistencyAsync).AllowAnonymous();
        // An inclusion proof reveals an entry's leaf hash, which could confirm a guess about who read what.
        audit.MapGet("/inclusion", AuditProofEndpoints.InclusionAsync).RequireAuthorization(DataTrustPolicies.DataProtection);

        endpoints.MapGet("/my-data/receipts/{id:guid}/json", async (Guid id, HttpContext context, ReceiptAccess access, SecuritySettings security, CancellationToken ct) =>
        {
            if (await access.ReadAsync(id, context.User, ct) is not { } found)
            {
                return Results.NotFound();
            }

            var publicBase = string.IsNullOrEmpty(security.PublicBaseUrl)
                ? new Uri($"{context.Request.Scheme}://{context.Request.Host}")
                : new Uri(security.PublicBaseUrl);
            var json = ConsentReceipt.ToJson(ConsentReceipt.Build(found.Record, found.Purpose, publicBase));
            return Results.Text(json, "application/json; charset=utf-8");
        }).RequireAuthorization(Policies.SignedIn);

        endpoints.MapGet("/my-data/portfolio/json", async (HttpContext context, PersonalPortfolio portfolio, ConsentLedger ledger, IStringLocalizer text, CancellationToken ct) =>
        {
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var subject = await ledger.SubjectOfUserAsync(userId, ct);
            var json = await portfolio.ExportJsonAsync(new SubjectRef(subject.Id, userId), context.User, text, ct);
            context.Response.Headers.ContentDisposition = "attachment; filename=\"reflexes-personal-data.json\"";
            return Results.Text(json, "application/json; charset=utf-8");
        }).RequireAuthorization(Policies.SignedIn);

        // The officer answering an access or portability request made through an agent (no account).
        endpoints.MapGet("/data-trust/rights/{id:guid}/export", async (Guid id, HttpContext context, ReflexesDbContext db, PersonalPortfolio portfolio, IStringLocalizer text, CancellationToken ct) =>
        {
            var request = await db.RightsRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (request is null)
            {
                return Results.NotFound();
            }

            var subject = await db.DataSubjects.AsNoTracking().FirstAsync(s => s.Id == request.SubjectId, ct);
            var json = await portfolio.ExportJsonAsync(new SubjectRef(subject.Id, subject.UserId), context.User, text, ct);
            context.Response.Headers.ContentDisposition = "attachment; filename=\"reflexes-personal-data.json\"";
            return Results.Text(json, "application/json; charset=utf-8");
        }).RequireAuthorization(Policies.DataProtectionOfficer);
        return endpoints;
    }
}
