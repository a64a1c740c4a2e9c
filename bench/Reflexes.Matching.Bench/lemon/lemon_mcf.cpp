// Solves a DIMACS min-cost flow problem with LEMON's NetworkSimplex and prints one line of JSON:
// status, optimal cost, read and solve times, peak resident memory. Used by the Reflexes matching benchmark
// to check the engine's optimum on the very same network.
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/resource.h>
#include <vector>

using Graph = lemon::SmartDigraph;
using Cost = long long;

static long long next_number(const char*& p, const char* end) {
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
    bool negative = false;
    if (p < end && *p == '-') { negative = true; ++p; }
    long long value = 0;
    while (p < end && *p >= '0' && *p <= '9') { value = value * 10 + (*p - '0'); ++p; }
    return negative ? -value : value;
}

int main(int argc, char** argv) {
    if (argc != 2) { std::fprintf(stderr, "usage: lemon_mcf network.dimacs\n"); return 2; }
    auto started = std::chrono::steady_clock::now();
    std::FILE* file = std::fopen(argv[1], "rb");
    if (!file) { std::perror(argv[1]); return 2; }
    std::fseek(file, 0, SEEK_END);
    long size = std::ftell(file);
    std::fseek(file, 0, SEEK_SET);
    std::vector<char> text(size);
    if (std::fread(text.data(), 1, size, file) != static_cast<size_t>(size)) { std::perror("read"); return 2; }
    std::fclose(file);

    Graph g;
    std::vector<Graph::Node> nodes;
    Graph::NodeMap<Cost>* supply = nullptr;
    Graph::ArcMap<Cost>* capacity = nullptr;
    Graph::ArcMap<Cost>* cost = nullptr;
    std::vector<std::pair<long long, long long>> supplies;
    const char* p = text.data();
    const char* end = p + size;
    long long declaredArcs = 0;
    while (p < end) {
        const char* line = p;
        while (p < end && *p != '\n') ++p;
        const char* lineEnd = p;
        if (p < end) ++p;
        if (line == lineEnd) continue;
        const char* q = line + 1;
        switch (*line) {
            case 'p': {
                while (q < lineEnd && *q == ' ') ++q;
                q += 3;  // "min"
                long long n = next_number(q, lineEnd);
                declaredArcs = next_number(q, lineEnd);
                g.reserveNode(static_cast<int>(n));
                g.reserveArc(static_cast<int>(declaredArcs));
                for (long long i = 0; i < n; ++i) nodes.push_back(g.addNode());
                supply = new Graph::NodeMap<Cost>(g, 0);
                break;
            }
            case 'n': {
                long long id = next_number(q, lineEnd);
                long long value = next_number(q, lineEnd);
                (*supply)[nodes[id - 1]] = value;
                break;
            }
            case 'a': {
                if (!capacity) { capacity = new Graph::ArcMap<Cost>(g); cost = new Graph::ArcMap<Cost>(g); }
                long long tail = next_number(q, lineEnd);
                long long head = next_number(q, lineEnd);
                long long low = next_number(q, lineEnd);
                long long cap = next_number(q, lineEnd);
                long long c = next_number(q, lineEnd);
                if (low != 0) { std::fprintf(stderr, "lower bounds are not used by this reader\n"); return 2; }
                Graph::Arc arc = g.addArc(nodes[tail - 1], nodes[head - 1]);
                (*capacity)[arc] = cap;
                (*cost)[arc] = c;
                break;
            }
            default:
                break;
        }
    }
    std::vector<char>().swap(text);
    if (!capacity) { capacity = new Graph::ArcMap<Cost>(g); cost = new Graph::ArcMap<Cost>(g); }
    auto read = std::chrono::steady_clock::now();
    std::clock_t cpuBefore = std::clock();

    lemon::NetworkSimplex<Graph, Cost, Cost> simplex(g);
    simplex.upperMap(*capacity).costMap(*cost).supplyMap(*supply);
    auto status = simplex.run();
    auto solved = std::chrono::steady_clock::now();
    double solveCpu = static_cast<double>(std::clock() - cpuBefore) / CLOCKS_PER_SEC;

    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    const char* name = status == lemon::NetworkSimplex<Graph, Cost, Cost>::OPTIMAL ? "optimal"
        : status == lemon::NetworkSimplex<Graph, Cost, Cost>::INFEASIBLE ? "infeasible" : "unbounded";
    long long total = status == lemon::NetworkSimplex<Graph, Cost, Cost>::OPTIMAL ? simplex.totalCost<Cost>() : 0;
    std::printf("{\"status\": \"%s\", \"cost\": %lld, \"nodes\": %d, \"arcs\": %d, \"readSeconds\": %.3f, \"solveSeconds\": %.3f, \"solveCpuSeconds\": %.3f, \"peakMb\": %.1f}\n",
        name, total, g.nodeNum(), g.arcNum(),
        std::chrono::duration<double>(read - started).count(),
        std::chrono::duration<double>(solved - read).count(),
        solveCpu,
        usage.ru_maxrss / 1024.0);
    return 0;
}
