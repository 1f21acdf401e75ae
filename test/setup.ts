import { installFastIndexes } from "./fastIndexes";

installFastIndexes();
