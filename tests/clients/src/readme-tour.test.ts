// The README's API tour through the typed client of clients/typescript, generated from the OpenAPI document the build
// writes: if the API changes under it (a renamed field, a required field that is optional, a missing operation), this
// file stops compiling under `tsc --strict` (and the build fails), or its assertions fail against the live app.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createGraphApiClient, isProblem, type Schemas } from "@graphapi/client";

const baseUrl = process.env.GRAPHAPI_URL ?? assert.fail("GRAPHAPI_URL is not set");
const key = process.env.GRAPHAPI_KEY ?? assert.fail("GRAPHAPI_KEY is not set");

const api = createGraphApiClient({ baseUrl });
const editor = { headers: { "X-Api-Key": key } };
const run = Date.now().toString(36);

describe("search and read", () => {
  test("q=KICOX and its Korean name find kicox", async () => {
    for (const q of ["KICOX", "한국산업단지공단"]) {
      const { data, response } = await api.GET("/api/actors", { params: { query: { q } } });
      assert.equal(response.status, 200);
      assert.ok(data?.items.some((actor) => actor.id === "kicox"), `q=${q}`);
    }
  });

  test("filters page the Korean mini clusters", async () => {
    const { data } = await api.GET("/api/actors", { params: { query: { kind: "MiniCluster", region: "KR", limit: 20, offset: 0 } } });
    assert.ok(data);
    assert.equal(data.limit, 20);
    assert.ok(data.total > 0 && data.items.every((actor) => actor.kind === "MiniCluster" && actor.region === "KR"));
  });

  test("one actor carries its revision as ETag, and its board seat cites the report", async () => {
    const { data, response } = await api.GET("/api/actors/{id}", { params: { path: { id: "kicox" } } });
    assert.equal(data?.id, "kicox");
    assert.match(response.headers.get("etag") ?? "", /^"\d+"$/);
    const ties = await api.GET("/api/relationships", { params: { query: { actor: "kicox", type: "BOARD_MEMBER_OF" } } });
    const seat = ties.data?.items.find((tie) => tie.target === "tci-network");
    assert.ok(seat?.evidence?.quote?.includes("Board member of TCI"));
  });

  test("the relationship-type catalogue gives direction and strength", async () => {
    const { data } = await api.GET("/api/relationship-types");
    const mou = data?.find((type) => type.name === "MOU");
    assert.equal(mou?.directed, false);
    assert.equal(mou?.strength, 0.9);
  });

  test("an unknown actor is a 404 problem", async () => {
    const { error, response } = await api.GET("/api/actors/{id}", { params: { path: { id: "no-such-actor" } } });
    assert.equal(response.status, 404);
    assert.ok(isProblem(error) && error.status === 404 && error.detail?.includes("no-such-actor"), JSON.stringify(error));
  });
});

describe("writes with an editor key", () => {
  test("create, create without id, update with If-Match, delete", async () => {
    const id = `busan-marine-${run}`;
    const created = await api.POST("/api/actors", {
      ...editor,
      body: { id, name: "Busan Marine Cluster", kind: "Cluster", country: "KR", sectors: ["maritime"] },
    });
    assert.equal(created.response.status, 201);
    assert.equal(created.data?.region, "KR");

    const tie = await api.POST("/api/relationships", {
      ...editor,
      body: { source: id, target: "kicox", type: "MOU", since: "2024-03", evidence: { document: "MoU", section: "p.1", quote: "The parties agree to cooperate" } },
    });
    assert.equal(tie.response.status, 201);
    assert.equal(tie.data?.id, `${id}-mou-kicox`);

    const unnamed = await api.POST("/api/actors", { ...editor, body: { name: `Pôle Eau Sud ${run}`, kind: "Cluster", country: "FR" } });
    assert.equal(unnamed.data?.id, `pole-eau-sud-${run}`);
    assert.equal(unnamed.response.headers.get("location"), `/api/actors/pole-eau-sud-${run}`);

    const etag = created.response.headers.get("etag") ?? assert.fail("no ETag");
    const updated = await api.PUT("/api/actors/{id}", {
      ...editor,
      params: { path: { id }, header: { "If-Match": etag } },
      body: { name: "Busan Marine Cluster", kind: "Cluster", country: "KR", city: "Busan" },
    });
    assert.equal(updated.data?.city, "Busan");

    const deleted = await api.DELETE("/api/actors/{id}", { ...editor, params: { path: { id } } });
    assert.equal(deleted.data?.removedRelationships, 1);
    await api.DELETE("/api/actors/{id}", { ...editor, params: { path: { id: `pole-eau-sud-${run}` } } });
  });

  test("a broken actor is a 400 naming every field", async () => {
    // Deliberately outside the types (the typed client would not let "Blob" or "XX" through): what a caller without them gets.
    const broken = { id: "Bad Id!", name: "", kind: "Blob", country: "XX" } as unknown as Schemas["ActorInput"];
    const { error, response } = await api.POST("/api/actors", { ...editor, body: broken });
    assert.equal(response.status, 400);
    assert.ok(error && "errors" in error, "a 400 lists its fields under errors");
    assert.deepEqual(Object.keys(error.errors ?? {}).sort(), ["country", "id", "kind", "name"]);
  });

  test("without a key a write is refused", async () => {
    const { response } = await api.POST("/api/actors", { body: { name: "Nobody", kind: "Cluster", country: "FR" } });
    assert.equal(response.status, 401);
  });
});

describe("routes and analysis", () => {
  test("Pôle Eau reaches a Korean mini cluster, every step with evidence", async () => {
    const { data } = await api.POST("/api/routes/introductions", { body: { from: ["pole-eau"], to: { kind: "MiniCluster", country: "KR" }, k: 3 } });
    assert.equal(data?.routes.length, 3);
    const best = data?.routes[0] ?? assert.fail("no route");
    assert.equal(best.source, "pole-eau");
    assert.ok(best.steps.every((step) => step.evidence?.quote));
  });

  test("the fewest-hops path and a neighbourhood", async () => {
    const shortest = await api.GET("/api/routes/shortest", { params: { query: { from: "pole-eau", to: "kicox" } } });
    assert.ok((shortest.data?.routes[0]?.hops ?? 0) > 0);
    const around = await api.GET("/api/actors/{id}/neighbourhood", { params: { path: { id: "kicox" }, query: { depth: 2 } } });
    assert.equal(around.data?.centre, "kicox");
  });

  test("brokerage by region, centrality and EU to KR gateways", async () => {
    const brokerage = await api.GET("/api/analysis/brokerage", { params: { query: { partition: "region", sort: "total", limit: 10 } } });
    assert.equal(brokerage.data?.items[0]?.actor, "kicox");
    const centrality = await api.GET("/api/analysis/centrality", { params: { query: { measures: ["betweenness", "constraint"], sort: "betweenness", limit: 10 } } });
    assert.equal(centrality.data?.items.length, 10);
    const gateways = await api.GET("/api/analysis/gateways", { params: { query: { from: "region:EU", to: "region:KR", top: 10 } } });
    assert.equal(gateways.data?.items[0]?.actor, "kicox");
  });

  test("a JSON export holds the dataset", async () => {
    const { data, response } = await api.GET("/api/export", { params: { query: { format: "json" } }, parseAs: "text" });
    assert.equal(response.status, 200);
    const graph = JSON.parse(data ?? "{}") as { actors?: unknown[]; relationships?: unknown[] };
    assert.ok((graph.actors?.length ?? 0) >= 83 && (graph.relationships?.length ?? 0) >= 117);
  });
});
