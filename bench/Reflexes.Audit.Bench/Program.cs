using System.Diagnostics;
using System.Globalization;
using Reflexes.Audit;

// Times the audit log's work at several log sizes: building the tree, proofs, and a full verification
// (what `reflexes audit verify` does after reading the rows). Targets: verify 1 million entries in
// under 10 s on one core; generate and check a proof in well under a millisecond.
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000, 1_000_000];
var origin = "bench";
using var key = TreeHeadSigner.CreateKey();
var signer = new TreeHeadSigner(key);
var start = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{"entries",10} | {"hash+tree (ms)",14} | {"inclusion gen+check (µs)",24} | {"consistency gen+check (µs)",26} | {"verify ms: 1 head / a head per 1000",36}"));
Console.WriteLine(new string('-', 116));
foreach (var n in sizes)
{
    var records = Enumerable.Range(0, n)
        .Select(i => new AuditRecord(i, start.AddSeconds(i), $"user:{i % 97}", "resident.read", "heat-wave-plan", $"resident:{i % 5000}", "Allowed"))
        .ToList();

    var watch = Stopwatch.StartNew();
    var entries = records.Select(r => new StoredAuditEntry(r, r.LeafHash())).ToList();
    var tree = new MerkleTree(entries.Select(e => e.RecordedLeafHash));
    var build = watch.Elapsed.TotalMilliseconds;

    var random = new Random(42);
    const int proofs = 2000;
    watch.Restart();
    for (var i = 0; i < proofs; i++)
    {
        var index = random.Next(n);
        var proof = tree.InclusionProof(index, n);
        if (!MerkleProof.VerifyInclusion((ulong)index, (ulong)n, tree.LeafHash(index), proof, tree.Root(n)).IsValid)
        {
            throw new InvalidOperationException("An inclusion proof failed.");
        }
    }

    var inclusion = watch.Elapsed.TotalMilliseconds * 1000 / proofs;
    watch.Restart();
    for (var i = 0; i < proofs; i++)
    {
        var first = random.Next(1, n);
        var proof = tree.ConsistencyProof(first, n);
        if (!MerkleProof.VerifyConsistency((ulong)first, (ulong)n, tree.Root(first), tree.Root(n), proof).IsValid)
        {
            throw new InvalidOperationException("A consistency proof failed.");
        }
    }

    var consistency = watch.Elapsed.TotalMilliseconds * 1000 / proofs;

    var oneHead = new List<SignedTreeHead> { signer.Sign(new TreeHead(origin, n, tree.Root(n), start)) };
    var manyHeads = Enumerable.Range(1, n / 1000).Select(k => signer.Sign(new TreeHead(origin, k * 1000L, tree.Root(k * 1000L), start.AddMinutes(k)))).ToList();
    var verifier = new AuditLogVerifier(signer.PublicKey, origin);
    watch.Restart();
    var report1 = verifier.Verify(entries, oneHead);
    var verifyOne = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    var reportMany = verifier.Verify(entries, manyHeads);
    var verifyMany = watch.Elapsed.TotalMilliseconds;
    if (!report1.IsIntact || !reportMany.IsIntact)
    {
        throw new InvalidOperationException("The untouched log did not verify.");
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{n,10:N0} | {build,14:F0} | {inclusion,24:F1} | {consistency,26:F1} | {verifyOne,12:F0} / {verifyMany,8:F0} ({manyHeads.Count} heads)"));
}
