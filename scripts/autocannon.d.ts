// autocannon ships no types and @types/autocannon is not a dependency: just what bench-search uses.
declare module 'autocannon' {
	interface AutocannonRequest {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string;
		/** Called before each request is sent; returns the request to send. */
		setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
	}

	interface AutocannonOptions {
		url: string;
		connections?: number;
		pipelining?: number;
		duration?: number;
		amount?: number;
		timeout?: number;
		method?: string;
		headers?: Record<string, string>;
		requests?: AutocannonRequest[];
	}

	interface Histogram {
		average: number;
		mean: number;
		stddev: number;
		min: number;
		max: number;
		total: number;
		p50: number;
		p90: number;
		p97_5: number;
		p99: number;
	}

	interface AutocannonResult {
		requests: Histogram;
		latency: Histogram;
		throughput: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
		'2xx': number;
		duration: number;
	}

	function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
	export default autocannon;
}
