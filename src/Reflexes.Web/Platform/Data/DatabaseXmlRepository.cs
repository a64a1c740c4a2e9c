using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Reflexes.Web.Platform.Data;

/// <summary>
/// Stores data-protection keys in the platform database so that every app instance behind a load
/// balancer can read cookies and antiforgery tokens issued by the others.
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReflexesDbContext>();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList()
            .Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReflexesDbContext>();
        var id = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName;
        if (db.DataProtectionKeys.Any(k => k.Id == id))
        {
            return;
        }

        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { Id = id, Xml = element.ToString(SaveOptions.DisableFormatting) });
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            // Another instance stored the same key at the same moment: theirs is as good as ours.
        }
    }
}
