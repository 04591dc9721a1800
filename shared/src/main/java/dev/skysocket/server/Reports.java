package dev.skysocket.server;

import dev.skysocket.api.EmitReport;
import dev.skysocket.fanout.FanoutReport;

/** What a fan-out did, in the API's words. */
final class Reports {
    private Reports() {
    }

    static EmitReport of(FanoutReport report) {
        return new EmitReport(report.delivered(), report.gone(), report.failed(), report.duration());
    }
}
