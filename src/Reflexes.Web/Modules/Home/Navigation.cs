using System.Security.Claims;
using Reflexes.Web.Modules.Access.Domain;

namespace Reflexes.Web.Modules.Home;

/// <summary>
/// The site's navigation in two levels: a top row of areas (my space, civic reserve, calls and
/// orientation, data and trust, administration) and, under it, the pages of the area the reader is in.
/// Each person sees only the pages their roles open; an area with a single page is a plain link to it.
/// </summary>
public static class Navigation
{
    /// <summary>One page of the navigation; <paramref name="Match"/> is the path prefix that marks it current.</summary>
    public sealed record Item(string LabelKey, string Href, string Match)
    {
        public bool IsCurrent(string path) =>
            path.StartsWith(Match, StringComparison.OrdinalIgnoreCase)
            && (path.Length == Match.Length || path[Match.Length] == '/');
    }

    /// <summary>An area and the pages of it this person may open, in the order shown.</summary>
    public sealed record Area(string Key, string LabelKey, IReadOnlyList<Item> Items)
    {
        public Item First => Items[0];

        /// <summary>A single-page area is shown as that page's link, under the page's own name.</summary>
        public string Label(Func<string, string> localise) => localise(Items.Count == 1 ? First.LabelKey : LabelKey);
    }

    /// <summary>
    /// The areas this person sees, in order; areas without any page for them are left out.
    /// <paramref name="isCaller"/>: the person is enrolled as an active caller (only they get "My calls").
    /// </summary>
    public static IReadOnlyList<Area> For(ClaimsPrincipal user, bool isCaller)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        bool Is(string role) => user.IsInRole(role);
        var isStaff = Roles.Staff.Any(user.IsInRole);
        var coordinates = Is(Roles.Coordinator) || Is(Roles.Administrator);

        var areas = new List<Area>();
        void Add(string key, params (bool Visible, Item Item)[] items)
        {
            var visible = items.Where(i => i.Visible).Select(i => i.Item).ToList();
            if (visible.Count > 0)
            {
                areas.Add(new Area(key, "nav.area." + key, visible));
            }
        }

        var registration = signedIn ? "/my-registration" : "/heatwave-register";
        Add("me",
            (signedIn, new Item("nav.my-data", "/my-data", "/my-data")),
            (!isStaff, new Item("nav.heatwave-register", registration, registration)),
            (signedIn, new Item("nav.reserve-me", "/reserve/me", "/reserve/me")),
            (signedIn, new Item("nav.my-missions", "/reserve/my-missions", "/reserve/my-missions")),
            (signedIn, new Item("nav.my-offers", "/reserve/offers/mine", "/reserve/offers/mine")),
            (signedIn, new Item("nav.notifications", "/notifications", "/notifications")));
        Add("reserve",
            (true, new Item("nav.catalogue", "/reserve/catalogue", "/reserve/catalogue")),
            (Is(Roles.Partner) || Is(Roles.Coordinator) || Is(Roles.Agent) || Is(Roles.Administrator),
                new Item("nav.reserve-missions", "/reserve/missions", "/reserve/missions")),
            (Is(Roles.Partner), new Item("nav.reserve-hosted", "/reserve/agents/hosted", "/reserve/agents/hosted")),
            (coordinates, new Item("nav.moderation", "/reserve/moderation", "/reserve/moderation")),
            (coordinates, new Item("nav.planning", "/reserve/planning", "/reserve/planning")),
            (coordinates, new Item("nav.reserve-volunteers", "/reserve/volunteers", "/reserve/volunteers")),
            (coordinates, new Item("nav.offers", "/reserve/offers", "/reserve/offers")),
            (coordinates, new Item("nav.recognition", "/reserve/recognition", "/reserve/recognition")),
            (coordinates, new Item("nav.reserve-skills", "/reserve/skills", "/reserve/skills")),
            (coordinates, new Item("nav.reserve-reassignments", "/reserve/agents/reassignments", "/reserve/agents/reassignments")),
            (coordinates, new Item("posters.title", "/reserve/posters", "/reserve/posters")),
            (Is(Roles.Agent), new Item("nav.reserve-plan", "/reserve/agents/plan", "/reserve/agents/plan")),
            (Is(Roles.Agent), new Item("nav.reserve-approvals", "/reserve/agents/approvals", "/reserve/agents/approvals")));
        Add("outreach",
            (Is(Roles.Coordinator) || Is(Roles.Orientator) || Is(Roles.Agent),
                new Item("nav.registry", "/outreach/registry", "/outreach/registry")),
            (Is(Roles.Administrator) && !Is(Roles.Coordinator),
                new Item("nav.registry-import", "/outreach/registry/import", "/outreach/registry/import")),
            (Is(Roles.Coordinator), new Item("nav.campaigns", "/outreach/campaigns", "/outreach/campaigns")),
            (Is(Roles.Coordinator), new Item("caller.title", "/outreach/callers", "/outreach/callers")),
            (isCaller, new Item("nav.calls", "/outreach/calls", "/outreach/calls")),
            (Is(Roles.Orientator) || Is(Roles.Coordinator),
                new Item("nav.orientation", Is(Roles.Orientator) ? "/outreach/orientation" : "/outreach/orientation/dashboard", "/outreach/orientation")),
            (Is(Roles.Partner) || Is(Roles.Agent),
                new Item("nav.inbox", "/outreach/referrals/inbox", "/outreach/referrals/inbox")));
        Add("trust",
            (true, new Item("nav.purposes", "/data-trust/purposes", "/data-trust/purposes")),
            (isStaff, new Item("nav.exceptional-uses", "/data-trust/exceptional-uses", "/data-trust/exceptional-uses")),
            (Is(Roles.DataProtectionOfficer), new Item("nav.rights", "/data-trust/rights", "/data-trust/rights")),
            (Is(Roles.DataProtectionOfficer), new Item("board.title", "/data-trust/board", "/data-trust/board")));
        Add("admin",
            (isStaff, new Item("nav.territory", "/territory", "/territory")),
            (Is(Roles.Administrator), new Item("nav.users", "/admin/users", "/admin/users")),
            (Is(Roles.Administrator), new Item("nav.invitations", "/admin/invitations", "/admin/invitations")),
            (Is(Roles.Administrator), new Item("nav.roles", "/admin/roles", "/admin/roles")),
            (Is(Roles.Administrator), new Item("nav.import", "/territory/import", "/territory/import")));
        return areas;
    }

    /// <summary>
    /// The area the page at <paramref name="path"/> belongs to, by the longest matching page prefix
    /// (so /territory/import is Administration's import, /reserve/offers/mine is my space); none on the home page.
    /// </summary>
    public static (Area? Area, Item? Item) Current(IReadOnlyList<Area> areas, string path)
    {
        Area? bestArea = null;
        Item? bestItem = null;
        foreach (var area in areas)
        {
            foreach (var item in area.Items.Where(i => i.IsCurrent(path)))
            {
                if (bestItem is null || item.Match.Length > bestItem.Match.Length)
                {
                    (bestArea, bestItem) = (area, item);
                }
            }
        }

        return (bestArea, bestItem);
    }
}
