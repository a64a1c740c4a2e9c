// Copies the built files of the browser libraries from node_modules into wwwroot/lib, where the app serves
// them as static files. The copies are committed so that the app runs without Node.js.
import { cpSync, mkdirSync, rmSync } from "node:fs";

const libraries = [
  { from: "node_modules/leaflet/dist", to: "wwwroot/lib/leaflet", files: ["leaflet.js", "leaflet.css", "images", "../LICENSE"] },
];

for (const library of libraries) {
  rmSync(library.to, { recursive: true, force: true });
  mkdirSync(library.to, { recursive: true });
  for (const file of library.files) {
    const name = file.split("/").pop();
    cpSync(`${library.from}/${file}`, `${library.to}/${name}`, { recursive: true });
  }
}
