using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Skills;

/// <summary>
/// The managed, hierarchical list of skills. Coordinators and administrators add, rename and move
/// skills; a skill still held by a volunteer or with children cannot be removed.
/// </summary>
public sealed class SkillCatalogue(ReflexesDbContext db, Volunteers.VolunteerDesk volunteers)
{
    /// <summary>A skill with its depth in the tree, in tree order (each parent before its children, siblings by name).</summary>
    public sealed record Entry(Guid Id, string Name, Guid? ParentId, int Depth, string Path);

    public async Task<IReadOnlyList<Entry>> TreeAsync(CancellationToken ct) =>
        Tree(await db.Skills.AsNoTracking().ToListAsync(ct));

    public static IReadOnlyList<Entry> Tree(IReadOnlyCollection<Skill> skills)
    {
        var children = skills.ToLookup(s => s.ParentId);
        var result = new List<Entry>();
        void Walk(Guid? parent, int depth, string path)
        {
            foreach (var s in children[parent].OrderBy(s => s.Name, StringComparer.CurrentCulture))
            {
                var here = path.Length == 0 ? s.Name : path + " › " + s.Name;
                result.Add(new Entry(s.Id, s.Name, s.ParentId, depth, here));
                Walk(s.Id, depth + 1, here);
            }
        }

        Walk(null, 0, "");
        return result;
    }

    /// <summary>The skills and all their ancestors: someone with "First aid" can do what asks for "Health".</summary>
    public static IReadOnlySet<Guid> WithAncestors(IEnumerable<Guid> skillIds, IReadOnlyDictionary<Guid, Guid?> parents)
    {
        var result = new HashSet<Guid>();
        foreach (var id in skillIds)
        {
            Guid? current = id;
            while (current is { } c && result.Add(c) && parents.TryGetValue(c, out var parent))
            {
                current = parent;
            }
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<Guid, Guid?>> ParentsAsync(CancellationToken ct) =>
        await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.ParentId, ct);

    /// <summary>Adds a skill; returns an error key tied to a field, or null.</summary>
    public async Task<(string Field, string Key)?> AddAsync(string? name, Guid? parentId, CancellationToken ct)
    {
        if (await CheckAsync(null, name, parentId, ct) is { } error)
        {
            return error;
        }

        db.Skills.Add(Skill.Create(name!, parentId));
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<(string Field, string Key)?> UpdateAsync(Guid id, string? name, Guid? parentId, CancellationToken ct)
    {
        var skill = await db.Skills.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (skill is null)
        {
            return ("Id", "skills.error.unknown");
        }

        if (await CheckAsync(id, name, parentId, ct) is { } error)
        {
            return error;
        }

        skill.Update(name!, parentId);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<(string Field, string Key)?> RemoveAsync(Guid id, CancellationToken ct)
    {
        var skill = await db.Skills.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (skill is null)
        {
            return ("Id", "skills.error.unknown");
        }

        if (await db.Skills.AnyAsync(s => s.ParentId == id, ct))
        {
            return ("Id", "skills.error.has-children");
        }

        if (await volunteers.IsSkillHeldAsync(id, ct))
        {
            return ("Id", "skills.error.in-use");
        }

        db.Skills.Remove(skill);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<(string Field, string Key)?> CheckAsync(Guid? id, string? name, Guid? parentId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > Skill.NameMaxLength)
        {
            return ("Name", "skills.error.name");
        }

        var trimmed = name.Trim();
        if (await db.Skills.AnyAsync(s => s.Name == trimmed && s.Id != id, ct))
        {
            return ("Name", "skills.error.duplicate");
        }

        if (parentId is { } p)
        {
            var parents = await ParentsAsync(ct);
            if (!parents.ContainsKey(p))
            {
                return ("ParentId", "skills.error.parent");
            }

            // A skill cannot move under itself or one of its descendants.
            if (id is { } self && WithAncestors([p], parents).Contains(self))
            {
                return ("ParentId", "skills.error.cycle");
            }
        }

        return null;
    }
}
