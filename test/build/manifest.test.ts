/**
 * The manifest's structure, checked offline (office-addin-manifest validate needs an online service).
 */
import * as fs from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";

const xml = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "text/xml");
const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
const localName = (tag: string) => Array.from(doc.getElementsByTagNameNS("*", tag));
const resIds = new Map<string, string>();
for (const el of [...localName("Url"), ...localName("Image"), ...localName("String")]) {
  const id = el.getAttribute("id");
  if (id) resIds.set(id, el.getAttribute("DefaultValue") ?? "");
}

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel with its own GUID", () => {
    expect(doc.documentElement!.getAttribute("xsi:type")).toBe("TaskPaneApp");
    const id = all("Id")[0].textContent!.trim();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // not one of Microsoft's template GUIDs
    expect(id).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143");
    expect(all("Host")[0].getAttribute("Name")).toBe("Workbook");
  });

  it("requires the shared runtime and shares one page among Runtime, Page and FunctionFile", () => {
    const set = all("Set").find((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(set?.getAttribute("MinVersion")).toBe("1.1");
    const runtime = all("Runtime")[0];
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const pageResid = all("Page")[0].getElementsByTagName("SourceLocation")[0].getAttribute("resid");
    expect(runtime.getAttribute("resid")).toBe(pageResid);
    expect(all("FunctionFile")[0].getAttribute("resid")).toBe(pageResid);
  });

  it("declares the OPTEX namespace and orders the CustomFunctions children Script, Page, Metadata, Namespace", () => {
    const ep = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
    const children = Array.from(ep.childNodes).filter((n) => n.nodeType === 1).map((n) => (n as unknown as Element).tagName);
    expect(children).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(resIds.get(all("Namespace")[0].getAttribute("resid")!)).toBe("OPTEX");
  });

  it("puts Runtimes before AllFormFactors", () => {
    const host = all("Host").find((h) => h.getAttribute("xsi:type") === "Workbook")!;
    const order = Array.from(host.childNodes).filter((n) => n.nodeType === 1).map((n) => (n as unknown as Element).tagName);
    expect(order.indexOf("Runtimes")).toBeLessThan(order.indexOf("AllFormFactors"));
  });

  it("every resid exists and is at most 32 characters", () => {
    const used = Array.from(doc.getElementsByTagName("*")).map((e) => e.getAttribute("resid")).filter((r): r is string => !!r);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) {
      expect(resIds.has(r)).toBe(true);
      expect(r.length).toBeLessThanOrEqual(32);
    }
  });

  it("serves every URL over https from one base, and the icons exist", () => {
    const urls = xml.match(/https?:\/\/[^"<\s]+/g)!.filter((u) => !u.includes("schemas.microsoft.com") && !u.includes("www.w3.org"));
    for (const url of urls) expect(url === "https://localhost:3000" || url.startsWith("https://localhost:3000/")).toBe(true);
    for (const url of urls.filter((u) => u.includes("/assets/"))) {
      expect(fs.existsSync(path.join(__dirname, "..", "..", url.replace("https://localhost:3000/", "")))).toBe(true);
    }
  });
});
