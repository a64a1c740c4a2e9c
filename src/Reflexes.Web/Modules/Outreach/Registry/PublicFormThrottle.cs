using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// A plain rate limit for the public registration form, which works without JavaScript: at most
/// <see cref="PerHour"/> registrations an hour from one address, counted in the database so that it holds
/// across every app instance (ADR 0533). The address is stored only as a keyed hash; windows older than
/// the previous hour are deleted as new submissions come. With the honeypot field, it keeps robots from
/// filling the register (ADR 0530).
/// </summary>
public sealed class PublicFormThrottle(ReflexesDbContext db, IConfiguration configuration, TimeProvider clock)
{
    public int PerHour { get; } = configuration.GetValue("Outreach:PublicRegistrationsPerHour", 20);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(configuration.GetValue("Outreach:PublicFormThrottleKey", "reflexes-public-form")!);

    /// <summary>Counts one submission from the address; false when its hour is used up.</summary>
    public async Task<bool> TryAcquireAsync(string address, CancellationToken ct)
    {
        var hour = clock.GetUtcNow().ToUnixTimeSeconds() / 3600;
        var hash = Hash(address, hour);
        var stale = hour - 1;
        await db.PublicFormWindows.Where(w => w.WindowHour < stale).ExecuteDeleteAsync(ct);

        // One statement, atomic on both databases: concurrent submissions on several instances each get their own count.
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "PublicFormWindows" ("AddressHash", "WindowHour", "Count") VALUES ({hash}, {hour}, 1)
            ON CONFLICT ("AddressHash", "WindowHour") DO UPDATE SET "Count" = "PublicFormWindows"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        return counts.Single() <= PerHour;
    }

    private string Hash(string address, long hour)
    {
        var message = Encoding.UTF8.GetBytes(hour.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + address);
        return Convert.ToHexString(HMACSHA256.HashData(_key, message));
    }
}
