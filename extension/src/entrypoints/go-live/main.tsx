import { render } from "preact";
import { GoLiveApp } from "./GoLiveApp";
import "../overview/style.css";

render(<GoLiveApp />, document.getElementById("app")!);
