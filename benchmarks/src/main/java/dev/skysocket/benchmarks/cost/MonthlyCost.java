package dev.skysocket.benchmarks.cost;

/** One month of one workload at one connection count: the volumes and the dollars per service. */
record MonthlyCost(Workload workload, long connections, double messages, double connectionMinutes,
                   double invocations, double gbSeconds, double rru, double wru, double apiGateway, double lambda,
                   double dynamodb, boolean broadcastExtrapolated) {

    double total() {
        return apiGateway + lambda + dynamodb;
    }
}
