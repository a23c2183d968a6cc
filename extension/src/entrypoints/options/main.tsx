import { render } from "preact";
import { OptionsApp } from "./OptionsApp";
import "./style.css";

render(<OptionsApp />, document.getElementById("app")!);
