import { render } from "preact";
import { OverviewApp } from "./OverviewApp";
import "./style.css";

render(<OverviewApp />, document.getElementById("app")!);
