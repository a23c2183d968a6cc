import { render } from "preact";
import { askEarly } from "./early-requests";
import { divisionFromUrl, OverviewApp } from "./OverviewApp";
import { pageQuery } from "./use-overview-pages";
import "./style.css";

// As the page opens: the list it shows first (all accounts, no search) and the divisions.
const division = divisionFromUrl();
if (division !== null) askEarly("listAccounts", pageQuery(division, "all", "", true));
askEarly("listDivisions");
render(<OverviewApp />, document.getElementById("app")!);
