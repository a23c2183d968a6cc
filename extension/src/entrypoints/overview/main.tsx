import { render } from "preact";
import { askEarly } from "./early-requests";
import { divisionFromUrl, OverviewApp } from "./OverviewApp";
import { pageQuery } from "./use-overview-pages";
import "./style.css";

// As the page opens: the divisions and the list it shows first (all accounts, no search). The divisions, which
// the proxy answers at once, go first: the list's first page can start the division's indexing, which the proxy
// begins once that page is answered and which a request arriving just after can wait behind.
askEarly("listDivisions");
const division = divisionFromUrl();
if (division !== null) askEarly("listAccounts", pageQuery(division, "all", "", true));
render(<OverviewApp />, document.getElementById("app")!);
