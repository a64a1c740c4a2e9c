using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.DataBoard;
using Reflexes.Web.Modules.DataTrust.Receipts;
using Reflexes.Web.Platform.Security;

namespace Reflexes.Web.Modules.DataTrust;

/// <summary>
/// The data trust: the purpose register, people's consents and their receipts, and the one access
/// service through which every module reads a resident's personal data.
/// </summary>
public static class DataTrustModule
{
    public static IServiceCollection AddDataTrust(this IServiceCollection services)
    {
        services.AddScoped<ConsentLedger>();
        services.AddScoped<ReceiptAccess>();
        services.AddScoped<AccessJournal>();
        services.AddScoped<PersonalDataAccess>();
        services.AddScoped<DemoPurposes>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, DataBoardHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(DataBoardPolicy.Name, p => p.AddRequirements(new DataBoardRequirement()))
            .AddPolicy(DataBoardPolicy.StaffOrBoard, p => p.AddRequirements(new StaffOrBoardRequirement()));
        return services;
    }

    public static IEndpointRouteBuilder MapDataTrust(this IEndpointRouteBuilder endpoints)
    {
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
        return endpoints;
    }
}
