using System.Security.Claims;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Domain;

namespace Reflexes.Web.Modules.DataTrust.Receipts;

/// <summary>
/// Who may read a receipt: the person it concerns and the data-protection officer. Anyone else is told
/// it does not exist, so that receipt identifiers reveal nothing.
/// </summary>
public sealed class ReceiptAccess(ConsentLedger ledger)
{
    public async Task<(ConsentRecord Record, ProcessingPurpose Purpose)?> ReadAsync(Guid id, ClaimsPrincipal reader, CancellationToken ct)
    {
        if (await ledger.ReceiptAsync(id, ct) is not { } found)
        {
            return null;
        }

        var own = found.Subject.UserId is { } owner && owner == reader.FindFirstValue(ClaimTypes.NameIdentifier);
        return own || reader.IsInRole(Roles.DataProtectionOfficer) ? (found.Record, found.Purpose) : null;
    }
}
